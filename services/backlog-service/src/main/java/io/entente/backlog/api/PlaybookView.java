package io.entente.backlog.api;

import io.entente.backlog.domain.Playbook;
import io.entente.backlog.domain.PlaybookTask;

import java.util.List;
import java.util.UUID;

public record PlaybookView(UUID id, String key, String name, String description, String appliesTo,
                           String anchorLabel, List<Task> tasks) {

    /** {@code offsetDays} counts from the anchor date; negative is before it. */
    public record Task(int position, String title, String description, String discipline, Integer estimate,
                       int offsetDays) {
        static Task of(PlaybookTask t) {
            return new Task(t.position, t.title, t.description, t.discipline.name(), t.estimate, t.offsetDays);
        }
    }

    public static PlaybookView of(Playbook p) {
        return new PlaybookView(p.id, p.key, p.name, p.description, p.appliesTo, p.anchorLabel,
                p.tasks.stream().map(Task::of).toList());
    }
}
