package io.entente.backlog.service;

import java.util.List;

/**
 * One page of a list. {@code next} is the cursor for the following page ({@code ?after=}), null on the last page.
 */
public record Page<T>(List<T> items, String next) {
}
