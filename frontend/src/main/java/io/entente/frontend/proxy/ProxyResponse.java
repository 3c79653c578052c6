package io.entente.frontend.proxy;

import java.util.List;
import java.util.Map;

/** What the BFF answers the browser with after forwarding one call. */
public record ProxyResponse(int status, Map<String, List<String>> headers, byte[] body) {
}
