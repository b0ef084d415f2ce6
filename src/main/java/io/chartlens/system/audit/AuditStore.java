package io.chartlens.system.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/**
 * The JPA side of {@link AuditTrail}; use {@code AuditTrail}, not this class (it is public only so CDI can proxy
 * and intercept it).
 *
 * <p>A separate bean so that the transaction boundary sits inside {@code AuditTrail}'s error handling: a failure
 * at commit (which the {@code @Transactional} interceptor raises after the method returns) is then still turned
 * into an {@link AuditUnavailableException}.
 */
@ApplicationScoped
public class AuditStore {

    @PersistenceContext(unitName = "chartlens")
    EntityManager em;

    /**
     * Writes the row in a transaction of its own, committed before this returns, whatever the caller's
     * transaction later does. The flush makes most database errors surface here rather than at commit.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void insert(AuditEvent event) {
        em.persist(event);
        em.flush();
    }

    /** Newest first; ties (same microsecond) broken by id. */
    public List<AuditEntry> recent(String patientId, int max) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.patientId = :patientId"
                        + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class)
                .setParameter("patientId", patientId)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(AuditEvent::toEntry)
                .toList();
    }

    public long count(String patientId) {
        return em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.patientId = :patientId", Long.class)
                .setParameter("patientId", patientId)
                .getSingleResult();
    }
}
