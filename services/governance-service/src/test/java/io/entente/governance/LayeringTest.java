package io.entente.governance;

import io.entente.platform.testing.LayeringRules;

class LayeringTest extends LayeringRules {

    @Override
    protected String basePackage() {
        return "io.entente.governance";
    }
}
