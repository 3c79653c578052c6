package io.entente.notification;

import io.entente.platform.testing.TokenChecks.Call;
import io.entente.platform.testing.TokenHardening;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** Only sound tokens of our realm open the notification service's API; see {@link TokenHardening}. */
@QuarkusTest
class TokenHardeningTest extends TokenHardening {

    static final List<Call> CALLS = List.of(
            new Call("GET", "/api/notifications", null),
            new Call("GET", "/api/notifications/unread-count", null),
            new Call("POST", "/api/notifications/read-all", null),
            new Call("GET", "/api/notification-preferences", null),
            new Call("PUT", "/api/notification-preferences", """
                    {"preferences":[{"kind":"DECISION_AT_RISK","mode":"OFF"}]}"""));

    @Override
    protected List<Call> calls() {
        return CALLS;
    }
}
