package io.chartlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ParseException;
import io.chartlens.testsupport.WorkingTreeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** smart-config/roles.json and its parser. */
class ReviewRolesTest {

    @Test
    void theCommittedFileGivesTheSandboxUsersTheirRoles() throws Exception {
        ReviewRoles roles = ReviewRoles.parse(WorkingTreeConfig.INSTANCE.read("roles.json"));
        assertEquals(ReviewRole.INFORMATICIST, roles.roleOf("Practitioner/sandbox-informaticist"));
        assertEquals(ReviewRole.HOSPITALIST, roles.roleOf("Practitioner/sandbox-hospitalist"));
        assertEquals(ReviewRole.CLINICIAN, roles.roleOf("Practitioner/sandbox-clinician"));
        assertEquals(ReviewRole.ADMIN, roles.roleOf("Practitioner/eaf1a0f2-5ade-33aa-8bae-a17e6b8bda54"));
        assertEquals(ReviewRole.CLINICIAN, roles.roleOf("Practitioner/47356a75-2df9-3f3a-b92e-b7ec4695babf"),
                "other sandbox practitioners stay clinicians");
        // the sandbox's id_token carries an absolute fhirUser
        assertEquals(ReviewRole.INFORMATICIST,
                roles.roleOf("http://localhost:9080/sandbox/fhir/Practitioner/sandbox-informaticist"));
        assertEquals(ReviewRole.INFORMATICIST,
                roles.roleOf("https://ehr/fhir/Practitioner/sandbox-informaticist/_history/3"));
        assertEquals(ReviewRole.CLINICIAN, roles.roleOf(null));
        assertEquals(ReviewRole.CLINICIAN, roles.roleOf("not a reference"));
        assertEquals(ReviewRole.CLINICIAN, roles.roleOf("Patient/sandbox-informaticist"), "the type matters");
    }

    @Test
    void everyNamedUserIsAPractitionerOfTheSandbox() throws Exception {
        ReviewRoles roles = ReviewRoles.parse(WorkingTreeConfig.INSTANCE.read("roles.json"));
        String sandbox = Files.readString(Path.of("src/main/resources/sandbox/practitioners.json"))
                + Files.readString(Path.of("src/main/resources/sandbox/patients/a00-prereq-synthea-practitioners.json"));
        for (String user : roles.users().keySet()) {
            assertTrue(sandbox.contains("\"id\": \"" + user.substring("Practitioner/".length()) + "\"")
                    || sandbox.contains("\"id\":\"" + user.substring("Practitioner/".length()) + "\""), user);
        }
        assertEquals(Set.of(ReviewRole.values()), Set.copyOf(roles.users().values()), "every role has a user");
    }

    @Test
    void practitionerRoleCodesApplyWhenTheUserIsNotNamed() throws Exception {
        ReviewRoles roles = ReviewRoles.parse("""
                {"defaultRole": "hospitalist",
                 "users": {"Practitioner/1": "clinician"},
                 "practitionerRoleCodes": [
                   {"code": "http://snomed.info/sct|158965000", "role": "informaticist"},
                   {"code": "urn:local|admin", "role": "admin"}]}""");
        assertEquals(ReviewRole.HOSPITALIST, roles.roleOf("Practitioner/2"));
        assertEquals(ReviewRole.CLINICIAN, roles.roleOf("Practitioner/1", List.of("urn:local|admin")),
                "a named user wins over codes");
        assertEquals(ReviewRole.ADMIN, roles.roleOf("Practitioner/2", List.of("urn:local|admin")));
        assertEquals(ReviewRole.INFORMATICIST, roles.roleOf("PractitionerRole/9",
                List.of("urn:local|admin", "http://snomed.info/sct|158965000")), "the first listed in the file wins");
        assertEquals(ReviewRole.HOSPITALIST, roles.roleOf(null, List.of()));
        ReviewRoles reversed = ReviewRoles.parse("""
                {"practitionerRoleCodes": [
                   {"code": "urn:local|admin", "role": "admin"},
                   {"code": "http://snomed.info/sct|158965000", "role": "informaticist"}]}""");
        assertEquals(ReviewRole.ADMIN, reversed.roleOf("PractitionerRole/9",
                List.of("http://snomed.info/sct|158965000", "urn:local|admin")), "the file's order, not the caller's");
    }

    @Test
    void aBadFileFailsWithTheReason() {
        assertFails("{\"users\": {\"Practitioner/1\": \"superuser\"}}", "roles.json: users \"Practitioner/1\" has "
                + "unknown role \"superuser\" (expected one of clinician, hospitalist, informaticist, admin)");
        assertFails("{\"defaultRole\": \"Admin\"}", "roles.json: defaultRole has unknown role \"Admin\" (expected "
                + "one of clinician, hospitalist, informaticist, admin)");
        assertFails("{\"users\": {\"123\": \"admin\"}}", "roles.json: users key \"123\" is not a relative "
                + "reference Type/id, e.g. Practitioner/123");
        assertFails("{\"users\": {\"Practitioner/1\": 3}}", "roles.json: users \"Practitioner/1\" must map to a "
                + "role code (a string)");
        assertFails("{\"practitionerRoleCodes\": [{\"code\": \"admin\", \"role\": \"admin\"}]}",
                "roles.json: practitionerRoleCodes code \"admin\" is not system|code");
        assertFails("{\"practitionerRoleCodes\": [{\"code\": \"s|c\", \"role\": \"root\"}]}",
                "roles.json: practitionerRoleCodes \"s|c\" has unknown role \"root\"");
        assertFails("{\"practitionerRoleCodes\": [{\"code\": \"s|c\", \"role\": \"admin\"}, {\"code\": \"s|c\","
                + " \"role\": \"admin\"}]}", "roles.json: practitionerRoleCodes lists \"s|c\" twice");
        assertThrows(ParseException.class, () -> ReviewRoles.parse("{\"practitionerRoleCodes\": {\"s|c\": \"admin\"}}"),
                "a list, so that the file's order is kept");
        assertFails("{\"user\": {}}", "roles.json: unknown key \"user\"");
        assertThrows(ParseException.class, () -> ReviewRoles.parse("{\"users\": "));
        assertThrows(ParseException.class, () -> ReviewRoles.parse("[]"));
    }

    private static void assertFails(String json, String messageStart) {
        ParseException e = assertThrows(ParseException.class, () -> ReviewRoles.parse(json));
        assertTrue(e.getMessage().startsWith(messageStart), e.getMessage());
    }
}
