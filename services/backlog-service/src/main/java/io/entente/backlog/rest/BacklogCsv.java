package io.entente.backlog.rest;

import io.entente.backlog.api.BacklogItemView;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 CSV of backlog items, safe to open in a spreadsheet. */
final class BacklogCsv {

    static final String HEADER = "id,allianceId,rank,title,discipline,type,status,estimate,stakeholderValue,"
            + "beneficiary,owner,dueDate,sprintId,doneAt,sourceRef,dependsOn,description";

    private BacklogCsv() {
    }

    static String write(List<BacklogItemView> items) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (BacklogItemView i : items) {
            out.append(Stream.of(i.id(), i.allianceId(), i.rank(), i.title(), i.discipline(), i.type(), i.status(),
                            i.estimate(), i.stakeholderValue(), i.beneficiary(), i.owner(), i.dueDate(),
                            i.sprintId(), i.doneAt(),
                            i.sourceRef(), i.dependsOn().stream().map(Object::toString).collect(Collectors.joining(" ")),
                            i.description())
                    .map(BacklogCsv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = Objects.toString(value);
        // A cell a spreadsheet would read as a formula is prefixed, so an exported title cannot run anything.
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
