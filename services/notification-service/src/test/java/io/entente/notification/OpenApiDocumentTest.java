package io.entente.notification;

import io.entente.platform.testing.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

/** The notification service serves the OpenAPI document the web app's types are generated from. */
@QuarkusTest
class OpenApiDocumentTest extends OpenApiContract {

    @Override
    protected String service() {
        return "notification";
    }
}
