package io.entente.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log that may be many megabytes long: only its end is read. */
final class LogTail {

    private static final int TAIL_BYTES = 64 * 1024;

    private LogTail() {
    }

    static String of(Path file, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, TAIL_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            // The first line may be cut in the middle when the file is longer than what was read.
            int from = Math.max(size < length ? 1 : 0, all.size() - lines);
            return String.join(System.lineSeparator(), all.subList(Math.min(from, all.size()), all.size()));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }
}
