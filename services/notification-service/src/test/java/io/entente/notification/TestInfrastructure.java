package io.entente.notification;

import io.entente.platform.testing.KafkaTestResource;
import io.entente.platform.testing.OidcTestResource;
import io.entente.platform.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL, a real Kafka broker, a real SMTP server and test-signed tokens for every test in this module. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcTestResource.class)
@QuarkusTestResource(GreenMailResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
