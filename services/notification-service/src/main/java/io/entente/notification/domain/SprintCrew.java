package io.entente.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;

/** Read model: who is planned to work in a sprint, as its latest planning or capacity event named them. */
@Entity
@Table(name = "sprint_crew")
public class SprintCrew extends PanacheEntityBase {

    @Id
    @Column(name = "sprint_id")
    public String sprintId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> members = new ArrayList<>();

    public static List<String> of(String sprintId) {
        if (sprintId == null) {
            return List.of();
        }
        SprintCrew crew = findById(sprintId);
        return crew == null ? List.of() : List.copyOf(crew.members);
    }

    public static void plan(String sprintId, List<String> members) {
        SprintCrew crew = findById(sprintId);
        if (crew == null) {
            crew = new SprintCrew();
            crew.sprintId = sprintId;
            crew.members = new ArrayList<>(members);
            crew.persist();
        } else {
            crew.members = new ArrayList<>(members);
        }
    }
}
