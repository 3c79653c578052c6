package io.entente.sprint;

import io.entente.platform.testing.LayeringRules;

/** rest → service → domain, one way, with the records in api/ spoken by both rest and service. */
class LayeringTest extends LayeringRules {

    @Override
    protected String basePackage() {
        return "io.entente.sprint";
    }
}
