package io.entente.notification;

import io.entente.platform.testing.LayeringRules;

/** rest → service → domain, one way, with the use cases' records in api/. */
class LayeringTest extends LayeringRules {

    @Override
    protected String basePackage() {
        return "io.entente.notification";
    }
}
