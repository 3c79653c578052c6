package io.entente.platform.versioning;

import io.entente.platform.problem.Problems;

/** Optimistic locking over HTTP: the entity version is the ETag, updates must send it back in If-Match. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** For {@code ResponseBuilder.ok(view).tag(ETags.tag(version))} (RestResponse). */
    public static jakarta.ws.rs.core.EntityTag tag(long version) {
        return new jakarta.ws.rs.core.EntityTag(Long.toString(version));
    }

    /** Refuses with 428 when If-Match is missing and 412 when it names another version than {@code current}. */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(of(current))) {
                return;
            }
        }
        throw Problems.stale("the resource changed since you read it (current ETag " + of(current)
                + "); read it again and reapply your change");
    }
}
