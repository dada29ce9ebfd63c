package jp.madoguchi.forms.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import jp.madoguchi.cases.ApplicantType;
import jp.madoguchi.cases.DeliveryMethod;
import jp.madoguchi.cases.ProcedureKind;
import jp.madoguchi.forms.Applicant;
import jp.madoguchi.forms.Applicant.Delivery;
import jp.madoguchi.forms.Applicant.Party;
import jp.madoguchi.forms.Applicant.Procedure;

/**
 * A case's applicant as the forms need it. The cases module offers only summaries (no address,
 * proxy or wishes), so this reads its table, read-only and always scoped to one municipality;
 * it maps the cases module's own enums. To be replaced by a cases API when one exists.
 */
@Repository
class CaseApplicants {

    private static final String COLUMNS = """
            c.id, c.name, c.reading, c.birth_date, c.sex, c.postal_code, c.address, c.facility, c.room,
            c.procedure_kind, c.applicant_type, c.proxy_name, c.proxy_relationship, c.wants_face_auth,
            c.wants_staff_registration, c.written_by_other, c.delivery_method, c.remarks""";
    /** Cases of a roster still being imported are not there yet (the roster module reads COMPLETE rosters only). */
    private static final String FROM = """
             FROM applicant_case c JOIN roster r ON r.id = c.roster_id AND r.state = 'COMPLETE'
            WHERE c.municipality_id = ?""";

    private final JdbcClient jdbc;

    CaseApplicants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> rosterTitle(long municipalityId, long rosterId) {
        return jdbc.sql("SELECT file_name FROM roster WHERE municipality_id = ? AND id = ? AND state = 'COMPLETE'")
                .params(municipalityId, rosterId).query(String.class).optional();
    }

    List<Applicant> ofRoster(long municipalityId, long rosterId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " AND c.roster_id = ?")
                .params(municipalityId, rosterId).query(CaseApplicants::applicant).list();
    }

    Optional<Applicant> find(long municipalityId, long caseId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + " AND c.id = ?")
                .params(municipalityId, caseId).query(CaseApplicants::applicant).optional();
    }

    private static Applicant applicant(ResultSet rs, int row) throws SQLException {
        Procedure procedure = switch (ProcedureKind.valueOf(rs.getString("procedure_kind")).procedure()) {
            case NEW_CARD_AT_PICKUP -> Procedure.NEW_CARD_COLLECTED_AT_OFFICE;
            case NEW_CARD_AT_APPLICATION -> Procedure.NEW_CARD_APPLIED_IN_PERSON;
            case SWITCH_TO_FACE_AUTH -> Procedure.SWITCH_TO_FACE_AUTH;
        };
        Party party = ApplicantType.valueOf(rs.getString("applicant_type")) == ApplicantType.SELF ? Party.SELF : Party.PROXY;
        String facility = rs.getString("facility");
        return new Applicant(Long.toString(rs.getLong("id")), rs.getString("name"), rs.getString("reading"),
                rs.getObject("birth_date", java.time.LocalDate.class), sex(rs.getString("sex")),
                postalCode(rs.getString("postal_code")), rs.getString("address"), facility, rs.getString("room"),
                procedure, party, rs.getString("proxy_name"), rs.getString("proxy_relationship"),
                rs.getBoolean("wants_face_auth"), rs.getBoolean("wants_staff_registration"),
                delivery(rs.getString("delivery_method"), procedure, party), rs.getBoolean("written_by_other"),
                // A roster names the facility a person lives in: that is the 施設入所者 category.
                facility == null || facility.isBlank() ? Set.of() : Set.of(Applicant.Hardship.FACILITY_RESIDENT),
                false, rs.getString("remarks"));
    }

    private static Applicant.Sex sex(String sex) {
        if (sex == null) {
            return null;
        }
        return sex.startsWith("男") ? Applicant.Sex.MALE : sex.startsWith("女") ? Applicant.Sex.FEMALE : null;
    }

    private static String postalCode(String digits) {
        return digits != null && digits.length() == 7 ? digits.substring(0, 3) + "-" + digits.substring(3) : digits;
    }

    /** A roster may leave 交付方法 blank: then the workflow's own hand-over decides. */
    private static Delivery delivery(String stored, Procedure procedure, Party party) {
        if (stored != null) {
            return switch (DeliveryMethod.valueOf(stored)) {
                case COUNTER -> Delivery.COUNTER;
                case RESTRICTED_POST -> Delivery.RESTRICTED_POST;
                case PROXY -> Delivery.PROXY_PICKUP;
            };
        }
        if (procedure == Procedure.NEW_CARD_APPLIED_IN_PERSON) {
            return Delivery.RESTRICTED_POST;
        }
        return party == Party.SELF ? Delivery.COUNTER : Delivery.PROXY_PICKUP;
    }
}
