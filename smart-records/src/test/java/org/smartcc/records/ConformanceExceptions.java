package org.smartcc.records;

/**
 * The verifier failures that docs/conformance.md argues for, each tied to its call, check and records; shared by
 * the in-process and the HTTP conformance tests. Anything else is a defect.
 */
public final class ConformanceExceptions {

    private ConformanceExceptions() {
    }

    /** @param failure "{record id} {call name} [{model}] {check description}: {detail}" */
    public static boolean documented(String failure) {
        String[] f = failure.split(" ", 3);
        String recordId = f[0];
        String call = f[1];
        String rest = f[2];
        return call.equals("get_fulfillment")
                && rest.startsWith("[Fulfillment] sp:fulfillment property of sp:Medication object must be of type sp:Fulfillment:")
                || recordId.equals("99912345") && call.matches("get_medical_images?")
                && rest.startsWith("[MedicalImage] sp:MedicalImage must have at least one sp:imagingStudy property:");
    }
}
