package io.entente.sprint.rest;

import java.util.List;

/**
 * One page of a list.
 *
 * @param next the cursor for the following page (pass as {@code after}), null on the last page
 */
public record Page<T>(List<T> items, String next) {
}
