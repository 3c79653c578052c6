package io.entente.sprint.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored service catalogue. The shipped defaults are version 1 and need no row; the first change stores version
 * 2, so that a version names one catalogue for ever.
 */
@Entity
@Table(name = "service_catalogue")
public class CatalogueDocument extends PanacheEntityBase {

    public static final String ID = "default";

    @Id
    public String id;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ServiceCatalogue.Entry> entries = new ArrayList<>();

    /** The defaults are version 1, so the stored version is this plus 2. */
    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    public ServiceCatalogue catalogue() {
        return new ServiceCatalogue(version + 2, entries);
    }

    /** Replaces the entries; refuses entries that make no catalogue. */
    public void replace(List<ServiceCatalogue.Entry> newEntries, String by, Instant now) {
        String problem = ServiceCatalogue.problemWith(newEntries);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        entries = new ArrayList<>(newEntries);
        updatedBy = by;
        updatedAt = now;
    }
}
