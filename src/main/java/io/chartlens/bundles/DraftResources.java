package io.chartlens.bundles;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The draft request resource of one item. {@code authoredOn} is left out on purpose: a draft is authored when the
 * clinician signs it in the EHR ({@code meta.lastUpdated} records the write), and a date of today on an old
 * sandbox record would move its "last record" reference date.
 */
final class DraftResources {

    /** What every draft of one submission shares; encounter and requester are null when not in context. */
    record Context(String patient, String encounter, String requester, Identifier group, String note) {
    }

    private DraftResources() {
    }

    static Resource of(BundleItem item, Identifier identifier, Context context) {
        return switch (item.kind()) {
            case SERVICE_REQUEST -> serviceRequest(item, identifier, context);
            case MEDICATION_REQUEST -> medicationRequest(item, identifier, context);
            case TASK -> task(item, identifier, context);
        };
    }

    private static ServiceRequest serviceRequest(BundleItem item, Identifier identifier, Context context) {
        ServiceRequest request = new ServiceRequest()
                .setStatus(ServiceRequest.ServiceRequestStatus.DRAFT)
                .setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL)
                .setPriority(ServiceRequest.ServiceRequestPriority.fromCode(item.priority()))
                .setCode(item.what().toCodeableConcept())
                .setSubject(new Reference(context.patient()))
                .setRequisition(context.group().copy());
        request.addIdentifier(identifier);
        request.addInstantiatesCanonical(item.activityCanonical());
        if (context.encounter() != null) {
            request.setEncounter(new Reference(context.encounter()));
        }
        if (context.requester() != null) {
            request.setRequester(new Reference(context.requester()));
        }
        request.addNote(new Annotation().setText(context.note()));
        return request;
    }

    private static MedicationRequest medicationRequest(BundleItem item, Identifier identifier, Context context) {
        MedicationRequest request = new MedicationRequest()
                .setStatus(MedicationRequest.MedicationRequestStatus.DRAFT)
                .setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL)
                .setPriority(MedicationRequest.MedicationRequestPriority.fromCode(item.priority()))
                .setMedication(item.what().toCodeableConcept())
                .setSubject(new Reference(context.patient()))
                .setGroupIdentifier(context.group().copy());
        request.addIdentifier(identifier);
        request.addInstantiatesCanonical(item.activityCanonical());
        if (item.dosageText() != null) {
            request.addDosageInstruction(new Dosage().setText(item.dosageText()));
        }
        if (context.encounter() != null) {
            request.setEncounter(new Reference(context.encounter()));
        }
        if (context.requester() != null) {
            request.setRequester(new Reference(context.requester()));
        }
        request.addNote(new Annotation().setText(context.note()));
        return request;
    }

    private static Task task(BundleItem item, Identifier identifier, Context context) {
        Task task = new Task()
                .setStatus(Task.TaskStatus.DRAFT)
                .setIntent(Task.TaskIntent.PROPOSAL)
                .setPriority(Task.TaskPriority.fromCode(item.priority()))
                .setCode(item.what().toCodeableConcept())
                .setDescription(item.description())
                .setFor(new Reference(context.patient()))
                .setGroupIdentifier(context.group().copy())
                .setInstantiatesCanonical(item.activityCanonical());
        task.addIdentifier(identifier);
        if (context.encounter() != null) {
            task.setEncounter(new Reference(context.encounter()));
        }
        if (context.requester() != null) {
            task.setRequester(new Reference(context.requester()));
        }
        task.addNote(new Annotation().setText(context.note()));
        return task;
    }
}
