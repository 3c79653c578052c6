package io.entente.governance.service;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.entente.governance.config.GovernanceConfig;
import io.entente.governance.domain.packet.Edition;
import io.entente.governance.domain.packet.PacketContent;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders a packet edition as HTML from one Qute template, and as PDF from that same HTML (CSS paged media: cover
 * page, table of contents with target-counter, page numbers).
 */
@ApplicationScoped
public class PacketRenderer {

    private static final String FONT_FAMILY = "DejaVu Sans";

    private final Template template;
    private final File regular;
    private final File bold;

    public PacketRenderer(@Location("packet.html") Template template, GovernanceConfig config) {
        this.template = template;
        File fonts = new File(config.packet().fontDirectory());
        this.regular = new File(fonts, "DejaVuSans.ttf");
        this.bold = new File(fonts, "DejaVuSans-Bold.ttf");
    }

    /**
     * The content must already be reduced to its edition ({@link io.entente.governance.domain.packet.Editions});
     * the flag only decides which internal blocks the template even tries to show.
     */
    public String html(PacketContent content, Edition edition) {
        return template.data("content", content)
                .data("internal", edition == Edition.INTERNAL)
                .data("editionLabel", edition == Edition.INTERNAL ? "Internal edition" : "Partner edition")
                .render();
    }

    public byte[] pdf(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // Without these fonts the built-in PDF fonts are used, which cover Latin-1 only.
            if (regular.isFile()) {
                builder.useFont(regular, FONT_FAMILY);
            }
            if (bold.isFile()) {
                builder.useFont(bold, FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the packet as PDF", e);
        }
    }
}
