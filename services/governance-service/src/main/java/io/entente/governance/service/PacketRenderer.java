package io.entente.governance.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.entente.governance.config.GovernanceConfig;
import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.PacketContent;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Renders a packet edition as HTML from one Qute template, and as PDF from that same HTML (CSS paged media: cover
 * page, table of contents with target-counter, page numbers).
 * <p>
 * A packet version never changes, so each edition's PDF is rendered once and then served from a memory-bounded
 * cache. Rendering itself reuses what does not depend on the packet: the parsed fonts and the XML parser setup.
 */
@ApplicationScoped
public class PacketRenderer {

    private static final String FONT_FAMILY = "DejaVu Sans";

    /** One stored version in one edition: the packet row's id names the version. */
    private record PdfKey(UUID packetId, Edition edition) {
    }

    private final Template template;
    private final File regular;
    private final File bold;
    private final DocumentBuilderFactory xml;
    private final AsyncCache<PdfKey, byte[]> pdfs;
    private volatile PacketFonts fonts;
    private final Timer htmlTimer;
    private final Timer pdfTimer;

    public PacketRenderer(@Location("packet.html") Template template, GovernanceConfig config,
                          MeterRegistry registry) {
        this.template = template;
        // Cache hits and the start-up warm-up are not renders a user waited for, so they are not timed.
        this.htmlTimer = renderTimer(registry, "html");
        this.pdfTimer = renderTimer(registry, "pdf");
        File directory = new File(config.packet().fontDirectory());
        this.regular = new File(directory, "DejaVuSans.ttf");
        this.bold = new File(directory, "DejaVuSans-Bold.ttf");
        this.xml = xmlParsers();
        this.pdfs = Caffeine.newBuilder()
                .maximumWeight(config.packet().pdfCache().asLongValue())
                .weigher((PdfKey key, byte[] pdf) -> pdf.length)
                // Housekeeping on the caller's thread: nothing of ours runs on the common pool.
                .executor(Runnable::run)
                .buildAsync();
    }

    /**
     * The content must already be reduced to its edition ({@link io.entente.governance.domain.packet.Editions});
     * the flag only decides which internal blocks the template even tries to show.
     */
    public String html(PacketContent content, Edition edition) {
        return htmlTimer.record(() -> template.data("content", content)
                .data("internal", edition == Edition.INTERNAL)
                .data("editionLabel", edition == Edition.INTERNAL ? "Internal edition" : "Partner edition")
                .render());
    }

    private static Timer renderTimer(MeterRegistry registry, String format) {
        return Timer.builder("entente.packet.render")
                .description("Rendering one packet edition (PDF: cache misses only)")
                .tag("format", format)
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * The PDF of one stored packet version in one edition. Rendered at most once while it stays in the cache:
     * readers asking for it while it is being rendered wait for that render instead of starting their own.
     * {@code html} is only called when the PDF has to be rendered.
     */
    public byte[] pdf(UUID packetId, Edition edition, Supplier<String> html) {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> earlier = pdfs.asMap().putIfAbsent(new PdfKey(packetId, edition), mine);
        if (earlier != null) {
            try {
                return earlier.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            byte[] pdf = pdfTimer.record(() -> pdf(html.get()));
            mine.complete(pdf);
            return pdf;
        } catch (RuntimeException | Error e) {
            // The cache drops a failed entry; the next reader tries again.
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Renders without the cache. */
    public byte[] pdf(String html) {
        PacketFonts fonts = fonts();
        PacketFonts.Pair pair = fonts.borrow();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            // Without these fonts the built-in PDF fonts are used, which cover Latin-1 only.
            if (pair.regular() != null) {
                builder.useFont(embedded(document, pair.regular()), FONT_FAMILY, 400,
                        PdfRendererBuilder.FontStyle.NORMAL, true);
            }
            if (pair.bold() != null) {
                builder.useFont(embedded(document, pair.bold()), FONT_FAMILY, 700,
                        PdfRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withW3cDocument(parse(html), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the packet as PDF", e);
        } finally {
            fonts.giveBack(pair);
        }
    }

    private PacketFonts fonts() {
        PacketFonts loaded = fonts;
        if (loaded == null) {
            synchronized (this) {
                if (fonts == null) {
                    // Kept parsed: as many font pairs as renders can run at once on this machine.
                    fonts = new PacketFonts(regular, bold, Runtime.getRuntime().availableProcessors());
                }
                loaded = fonts;
            }
        }
        return loaded;
    }

    /** Embeds the subset of glyphs used, loaded only if the document uses the font at all. */
    private static PDFontSupplier embedded(PDDocument document, TrueTypeFont font) {
        return new PDFontSupplier(null) {
            @Override
            public PDFont supply() {
                try {
                    return PDType0Font.load(document, font, true);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not embed a packet font", e);
                }
            }
        };
    }

    /*
     * Parsed here rather than by openhtmltopdf, which builds the DOM through a new SAX parser and an XSLT identity
     * transformer for every document. The markup comes from our template with every value escaped; still, no
     * external entity or DTD is ever fetched.
     */
    private Document parse(String html) {
        DocumentBuilder parser;
        // A factory is not promised to be thread-safe; the parsers it makes are used by one render each.
        synchronized (xml) {
            try {
                parser = xml.newDocumentBuilder();
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return parser.parse(new InputSource(new StringReader(html)));
        } catch (SAXException e) {
            throw new IllegalStateException("the packet template produced malformed XHTML", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentBuilderFactory xmlParsers() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return factory;
    }
}
