package io.entente.sprint;

import io.entente.platform.testing.KafkaTestResource;
import io.entente.platform.testing.OidcTestResource;
import io.entente.platform.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL, a real Kafka broker and test-signed tokens for every test in this module. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(OidcTestResource.class)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
