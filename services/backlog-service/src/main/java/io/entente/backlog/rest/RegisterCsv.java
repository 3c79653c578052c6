package io.entente.backlog.rest;

import io.entente.backlog.api.ObligationView;
import io.entente.backlog.api.RiskView;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The risk register and the obligations as CSV, cells written like the backlog's ({@link BacklogCsv#cell}). */
final class RegisterCsv {

    static final String RISK_HEADER = "id,allianceId,title,category,likelihood,impact,score,threshold,aboveThreshold,"
            + "owner,mitigation,status,nextReviewDate,closedReason,createdAt,updatedAt";
    static final String OBLIGATION_HEADER = "id,allianceId,title,clauseRef,kind,owedBy,dueDate,recurrence,"
            + "leadTimeDays,windowOpens,status,itemId,metOn,createdAt,updatedAt";

    private RegisterCsv() {
    }

    static String risks(List<RiskView> risks) {
        return write(RISK_HEADER, risks, r -> Stream.of(r.id(), r.allianceId(), r.title(), r.category(),
                r.likelihood(), r.impact(), r.score(), r.threshold(), r.aboveThreshold(), r.owner(), r.mitigation(),
                r.status(), r.nextReviewDate(), r.closedReason(), r.createdAt(), r.updatedAt()));
    }

    static String obligations(List<ObligationView> obligations) {
        return write(OBLIGATION_HEADER, obligations, o -> Stream.of(o.id(), o.allianceId(), o.title(),
                o.clauseRef(), o.kind(), o.owedBy(), o.dueDate(), o.recurrence(), o.leadTimeDays(), o.windowOpens(),
                o.status(), o.itemId(), o.metOn(), o.createdAt(), o.updatedAt()));
    }

    private static <T> String write(String header, List<T> rows, Function<T, Stream<Object>> cells) {
        StringBuilder out = new StringBuilder(header).append("\r\n");
        for (T row : rows) {
            out.append(cells.apply(row).map(BacklogCsv::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }
}
