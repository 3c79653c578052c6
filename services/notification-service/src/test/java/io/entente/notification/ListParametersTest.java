package io.entente.notification;

import io.entente.platform.testing.ListParameters;
import io.entente.platform.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/**
 * The notification list, read strictly: bad cursors and limits answer 400 naming the parameter, and the list
 * answers exactly {items, next}. Its one filter, {@code unread}, is a plain boolean.
 */
@QuarkusTest
class ListParametersTest extends ListParameters {

    static final String TOKEN = TestTokens.user("lister").roles("team-member").alliances("T-LIST-PARAMS").sign();
    static final ListEndpoint NOTIFICATIONS = new ListEndpoint("/api/notifications", TOKEN);

    @Override
    protected List<ListEndpoint> lists() {
        return List.of(NOTIFICATIONS);
    }

    @Override
    protected List<BadParameter> badFilters() {
        return List.of();
    }
}
