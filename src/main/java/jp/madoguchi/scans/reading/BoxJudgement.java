package jp.madoguchi.scans.reading;

/**
 * The verdict on one signature or seal box, with its score: the share of the box's
 * interior (0 to 1) that carries ink the unsigned form does not have.
 */
public record BoxJudgement(Verdict verdict, double score) {
}
