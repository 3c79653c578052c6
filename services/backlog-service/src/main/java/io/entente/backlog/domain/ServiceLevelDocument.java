package io.entente.backlog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The service levels as the catalogue's latest event carried them (the catalogue's own version, not ours). */
@Entity
@Table(name = "service_level")
public class ServiceLevelDocument extends PanacheEntityBase {

    public static final String ID = "default";

    @Id
    public String id;

    @Column(nullable = false)
    public long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ServiceLevels.Level> levels = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public ServiceLevels serviceLevels() {
        return new ServiceLevels(version, levels);
    }

    /** Takes a newer catalogue; an older or repeated one (redelivery, other order) changes nothing. */
    public boolean take(long newVersion, List<ServiceLevels.Level> newLevels, Instant now) {
        if (newVersion <= version) {
            return false;
        }
        version = newVersion;
        levels = new ArrayList<>(newLevels);
        updatedAt = now;
        return true;
    }
}
