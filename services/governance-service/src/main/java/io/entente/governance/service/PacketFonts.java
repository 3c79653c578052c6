package io.entente.governance.service;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The packet's TrueType fonts, read from disk once and parsed once per concurrent render instead of once per PDF
 * (parsing DejaVu Sans was a tenth of a render). A parsed font is lent to one render at a time: PDFBox does not
 * promise that a {@link TrueTypeFont} may be read by two documents at once.
 */
final class PacketFonts {

    /** Regular and bold; either may be null when its file is missing (the PDF then uses the built-in fonts). */
    record Pair(TrueTypeFont regular, TrueTypeFont bold) {
    }

    private final byte[] regular;
    private final byte[] bold;
    private final int keep;
    private final Deque<Pair> idle = new ConcurrentLinkedDeque<>();

    /** {@code keep}: how many parsed pairs stay in memory between renders (a pair is a few MB). */
    PacketFonts(File regular, File bold, int keep) {
        this.regular = read(regular);
        this.bold = read(bold);
        this.keep = keep;
    }

    Pair borrow() {
        Pair pair = idle.poll();
        return pair != null ? pair : new Pair(parse(regular), parse(bold));
    }

    void giveBack(Pair pair) {
        if (idle.size() < keep) {
            idle.push(pair);
        }
    }

    private static byte[] read(File file) {
        if (!file.isFile()) {
            return null;
        }
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the packet font " + file, e);
        }
    }

    private static TrueTypeFont parse(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            // openhtmltopdf measures text without glyph substitution, so substituting only when drawing could make
            // a line wider than laid out; it was also the costliest part of writing the text (a fifth of it).
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException("could not parse a packet font", e);
        }
    }
}
