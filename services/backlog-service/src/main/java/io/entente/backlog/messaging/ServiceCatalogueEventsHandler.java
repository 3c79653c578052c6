package io.entente.backlog.messaging;

import io.entente.backlog.service.ServiceLevelGeneration;
import io.entente.events.DomainEvent;
import io.entente.events.EventEnvelope;
import io.entente.events.workload.ServiceCatalogueEvent.ServiceCatalogueChanged;
import io.entente.platform.messaging.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** The service catalogue's health-check and risk-review frequencies, for the generated backlog items. */
@ApplicationScoped
public class ServiceCatalogueEventsHandler implements EventHandler {

    private final ServiceLevelGeneration serviceLevels;

    public ServiceCatalogueEventsHandler(ServiceLevelGeneration serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    @Override
    public Set<Class<? extends DomainEvent>> handles() {
        return Set.of(ServiceCatalogueChanged.class);
    }

    @Override
    public void handle(DomainEvent event, EventEnvelope envelope) {
        if (event instanceof ServiceCatalogueChanged changed) {
            serviceLevels.catalogueChanged(changed);
        }
    }
}
