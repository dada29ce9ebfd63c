package jp.madoguchi.records;

import java.util.List;

/** A disposal proposed: its id and the records it lists, each with the day it was due. */
record DisposalProposal(long id, List<DueRecord> records) {
}
