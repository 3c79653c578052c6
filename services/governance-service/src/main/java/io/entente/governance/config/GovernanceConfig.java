package io.entente.governance.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the governance service prepares meetings. */
@ConfigMapping(prefix = "entente.governance")
public interface GovernanceConfig {

    Packet packet();

    interface Packet {
        /** Days before a meeting the packet is generated automatically; the pre-read goes out about a week ahead. */
        @WithDefault("7")
        int leadDays();

        /** How often the job looks for meetings whose packet is due (read by the job's @Scheduled). */
        @WithDefault("15m")
        String checkEvery();

        /** Generate the PDF with DejaVu fonts from this directory when present (wider character coverage). */
        @WithDefault("/usr/share/fonts/truetype/dejavu")
        String fontDirectory();

        /**
         * Memory for rendered packet PDFs (versions never change, so each edition is rendered once while it fits);
         * the largest packets take about 110 KB per edition.
         */
        @WithDefault("32M")
        MemorySize pdfCache();
    }
}
