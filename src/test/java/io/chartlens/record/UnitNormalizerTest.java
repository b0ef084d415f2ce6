package io.chartlens.record;

import static io.chartlens.record.TestCatalog.kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitNormalizerTest {

    private final UnitNormalizer units = UnitNormalizer.of(TestCatalog.CATALOG);

    private UnitNormalizer.Converted converted(String value, String unit, String kind) {
        UnitNormalizer.Result result = units.normalize(new BigDecimal(value), unit, kind(kind));
        if (result instanceof UnitNormalizer.Failed failed) {
            throw new AssertionError("expected a conversion, got: " + failed.reason());
        }
        return (UnitNormalizer.Converted) result;
    }

    private String failure(String value, String unit, String kind) {
        UnitNormalizer.Result result = units.normalize(new BigDecimal(value), unit, kind(kind));
        assertFalse(result.indicatesSuccess(), "expected a failure, got " + result);
        return ((UnitNormalizer.Failed) result).reason();
    }

    @Test
    void convertsCholesterolFromMmolPerLitreThroughItsMolarMass() {
        UnitNormalizer.Converted c = converted("5.5", "mmol/L", "totalCholesterol");
        assertEquals(new BigDecimal("212.7"), c.value()); // 5.5 x 38.665
        assertEquals("mg/dL", c.unit());
        assertEquals(new BigDecimal("5.5"), c.originalValue());
        assertEquals("mmol/L", c.originalUnit());
    }

    @Test
    void convertsGlucoseFromMmolPerLitre() {
        assertEquals(new BigDecimal("99.09"), converted("5.5", "mmol/L", "glucose").value());
    }

    @Test
    void convertsTriglyceridesAsTriolein() {
        assertEquals(new BigDecimal("88.57"), converted("1", "mmol/L", "triglycerides").value());
    }

    @Test
    void convertsUreaToUreaNitrogen() {
        assertEquals(new BigDecimal("14.01"), converted("5", "mmol/L", "bloodUreaNitrogen").value());
    }

    @Test
    void convertsFahrenheitToCelsiusThroughKelvin() {
        UnitNormalizer.Converted c = converted("98.6", "[degF]", "bodyTemperature");
        assertEquals(0, new BigDecimal("37.0").compareTo(c.value()), "98.6 [degF] -> " + c.value());
        assertEquals("Cel", c.unit());
    }

    @Test
    void acceptsFahrenheitOnlyThroughTheAliasTable() {
        assertEquals(new BigDecimal("38"), converted("100.4", "degF", "bodyTemperature").value());
        assertEquals("F cannot be converted to Cel", failure("100.4", "F", "bodyTemperature")); // UCUM F is farad
    }

    @Test
    void convertsCreatinineFromMicromolesPerLitre() {
        assertEquals(new BigDecimal("1"), converted("88.4", "umol/L", "creatinine").value());
        assertEquals(new BigDecimal("1"), converted("88.4", "µmol/L", "creatinine").value());
    }

    @Test
    void convertsHaemoglobinFromGramsPerLitre() {
        assertEquals(new BigDecimal("13.5"), converted("135", "g/L", "hemoglobin").value());
    }

    @Test
    void convertsCountsPerLitreToThousandsPerMicrolitre() {
        assertEquals(new BigDecimal("7.5"), converted("7.5", "10*9/L", "whiteBloodCellCount").value());
    }

    @Test
    void convertsPoundsToKilograms() {
        assertEquals(new BigDecimal("69.99"), converted("154.3", "[lb_av]", "bodyWeight").value());
    }

    @Test
    void keepsAValueAlreadyInTheCanonicalUnitAsRecorded() {
        UnitNormalizer.Converted c = converted("187.123456", "mg/dL", "totalCholesterol");
        assertEquals(new BigDecimal("187.123456"), c.value());
        assertEquals("mg/dL", c.unit());
    }

    @Test
    void mapsMmHgToTheUcumCodeThroughTheAliasTable() {
        UnitNormalizer.Converted c = converted("120", "mmHg", "systolicBp");
        assertEquals(new BigDecimal("120"), c.value());
        assertEquals("mm[Hg]", c.unit());
        assertEquals("mmHg", c.originalUnit());
    }

    @Test
    void treatsPlainMillilitresPerMinuteAsTheSameEgfrUnit() {
        // LOINC 33914-3 is per 1.73 m2 by definition; samples write mL/min, and {1.73_m2} is a UCUM annotation.
        assertEquals(new BigDecimal("60"), converted("60", "mL/min", "egfr").value());
    }

    @Test
    void failsOnAnUnknownUnit() {
        assertEquals("unit 'foo' is not a UCUM unit", failure("1", "foo", "glucose"));
    }

    @Test
    void failsOnAUnitOfAnotherDimension() {
        assertEquals("kg cannot be converted to mg/dL", failure("5", "kg", "totalCholesterol"));
    }

    @Test
    void neverPassesACellCountThroughAMolarMass() {
        assertEquals("10*3/uL cannot be converted to mg/dL", failure("5", "10*3/uL", "glucose"));
    }

    @Test
    void failsOnSubstanceConcentrationWhenTheKindHasNoMolarMass() {
        assertEquals("mmol/L cannot be converted to g/dL without a molar mass for Haemoglobin",
                failure("8.5", "mmol/L", "hemoglobin"));
    }

    @Test
    void failsWithoutAUnit() {
        assertEquals("no unit", failure("5", null, "glucose"));
        assertEquals("no unit", failure("5", " ", "glucose"));
    }

    @Test
    void refusesIfccHba1cWhichUcumWouldWronglyScaleToPercent() {
        assertEquals("HbA1c in mmol/mol (IFCC) cannot be converted to % (NGSP) by a unit factor",
                failure("48", "mmol/mol", "hba1c"));
    }

    @Test
    void resolvesUnitCodesOnlyForUcumOrListedAliases() {
        assertEquals(Optional.of("mm[Hg]"), units.ucumCode("mmHg"));
        assertEquals(Optional.of("/min"), units.ucumCode("/min"));
        assertEquals(Optional.empty(), units.ucumCode("beats per fortnight"));
    }

    @Test
    void convertsCorrectlyFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BigDecimal>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> converted("5.5", "mmol/L", "totalCholesterol").value()));
            }
            for (Future<BigDecimal> r : results) {
                assertEquals(new BigDecimal("212.7"), r.get());
            }
        } finally {
            pool.shutdown();
        }
        assertTrue(pool.isShutdown());
    }

    @Test
    void refusesToConvertACodedKind() {
        assertInstanceOf(UnitNormalizer.Failed.class,
                units.normalize(BigDecimal.ONE, "1", kind("smokingStatus")));
    }
}
