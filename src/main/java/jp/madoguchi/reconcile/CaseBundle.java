package jp.madoguchi.reconcile;

import java.util.List;
import java.util.Set;

import jp.madoguchi.cases.RecordedStep;
import jp.madoguchi.cases.SignedDocuments;
import jp.madoguchi.cases.Workflow;
import jp.madoguchi.devicelog.CaseDeviceEvent;

/**
 * Everything the reconciliation weighs for one case, as of the end of the day reconciled:
 * the steps clerks recorded, the device events for the case, the signed paper received
 * and the forms printed.
 */
record CaseBundle(long caseId, Workflow workflow, List<RecordedStep> steps, List<CaseDeviceEvent> events,
		List<SignedDocuments.Received> received, Set<String> formsPrinted) {
}
