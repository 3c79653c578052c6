package io.entente.governance.rest;

import java.util.List;

/** One page of a list; pass {@code next} as {@code after} to read on, null when this is the last page. */
public record Page<T>(List<T> items, String next) {
}
