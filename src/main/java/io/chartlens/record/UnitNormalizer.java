package io.chartlens.record;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.Pair;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;

/**
 * Converts a quantity to its kind's canonical UCUM unit with the FHIR UCUM library ({@code org.fhir:ucum}, UCUM
 * essence from {@code /ucum-essence.xml} in its jar). No conversion factor is written here: UCUM does the unit algebra,
 * including mol to mass through the kind's molar mass ({@code mmol/L x g/mol -> mg/dL}). The one exception is
 * temperature: the library refuses special units with an offset ("Not handled yet (special unit with offset from 0 at
 * intersect)"), so {@code Cel} and {@code [degF]} go through kelvin with the UCUM definitions
 * {@code Cel = cel(1 K)} and {@code [degF] = degf(5 K/9)} (UCUM section 4.3, special units on non-ratio scales).
 * Converted values are rounded to 4 significant digits; a value already in the canonical unit is kept as recorded.
 * Thread-safe: the UCUM model is loaded once, calls into it are serialised, and each unit pair's factor is cached.
 */
public final class UnitNormalizer {

    private static final UcumService UCUM = load();
    private static final MathContext WORK = new MathContext(24, RoundingMode.HALF_EVEN);
    private static final MathContext RESULT = new MathContext(4, RoundingMode.HALF_UP);
    private static final String KELVIN = "K";
    private static final Map<String, Optional<BigDecimal>> FACTORS = new ConcurrentHashMap<>();

    private final Map<String, String> aliases;

    /** @param aliases non-UCUM spellings mapped to UCUM codes, for example {@code mmHg -> mm[Hg]} */
    public UnitNormalizer(Map<String, String> aliases) {
        this.aliases = Map.copyOf(aliases);
    }

    /** A normalizer with the catalogue's unit aliases. */
    public static UnitNormalizer of(ObservationCatalog catalog) {
        return new UnitNormalizer(catalog.unitAliases());
    }

    /** The UCUM code for a unit as written (alias applied), or empty when UCUM does not know it. */
    public Optional<String> ucumCode(String unit) {
        if (unit == null || unit.isBlank()) {
            return Optional.empty();
        }
        String code = aliases.getOrDefault(unit.trim(), unit.trim());
        synchronized (UCUM) {
            return UCUM.validate(code) == null ? Optional.of(code) : Optional.empty();
        }
    }

    /** {@code value} in {@code unit} expressed in {@code kind.unit()}, or the reason it cannot be. */
    public Result normalize(BigDecimal value, String unit, ObservationKind kind) {
        if (kind.coded() || kind.unit() == null) {
            return new Failed(kind.label() + " is coded, not a quantity");
        }
        if (unit == null || unit.isBlank()) {
            return new Failed("no unit");
        }
        String target = kind.unit();
        Optional<String> code = ucumCode(unit);
        if (code.isEmpty()) {
            return new Failed("unit '" + unit + "' is not a UCUM unit");
        }
        String from = code.get();
        if (kind.refusedUnits().containsKey(from)) {
            return new Failed(kind.refusedUnits().get(from));
        }
        if (from.equals(target)) {
            return new Converted(value, target, value, unit);
        }
        Optional<BigDecimal> converted = convert(value, from, target);
        // UCUM's mol is a pure number (6.0221367e23), so a count such as 10*3/uL would also pass through a molar
        // mass: use it only when one side is written in mol.
        boolean substance = from.contains("mol") || target.contains("mol");
        if (converted.isEmpty() && substance && kind.molarMassGPerMol() != null) {
            converted = convertThroughMolarMass(value, from, target, kind.molarMassGPerMol());
        }
        if (converted.isPresent()) {
            return new Converted(round(converted.get()), target, value, unit);
        }
        return new Failed(from + " cannot be converted to " + target
                + (substance && kind.molarMassGPerMol() == null ? " without a molar mass for " + kind.label() : ""));
    }

    /** The outcome of {@link #normalize}: {@link Converted} or {@link Failed}; branch on {@link #indicatesSuccess()}. */
    public sealed interface Result permits Converted, Failed {
        boolean indicatesSuccess();
    }

    /**
     * A value in the canonical unit, with the value and unit as recorded.
     *
     * @param value         in {@code unit}, never null
     * @param unit          the kind's canonical UCUM unit, never null
     * @param originalValue as recorded, never null
     * @param originalUnit  as recorded (before aliasing), never null
     */
    public record Converted(BigDecimal value, String unit, BigDecimal originalValue, String originalUnit)
            implements Result {
        @Override
        public boolean indicatesSuccess() {
            return true;
        }
    }

    /** @param reason plain words, for example "unit 'foo' is not a UCUM unit"; never null */
    public record Failed(String reason) implements Result {
        @Override
        public boolean indicatesSuccess() {
            return false;
        }
    }

    private Optional<BigDecimal> convert(BigDecimal value, String from, String to) {
        Temperature source = Temperature.of(from);
        Temperature dest = Temperature.of(to);
        if (source == null && dest == null) {
            return linear(value, from, to);
        }
        Optional<BigDecimal> kelvin = source != null ? Optional.of(source.toKelvin(value)) : linear(value, from, KELVIN);
        return dest != null ? kelvin.map(dest::fromKelvin) : kelvin.flatMap(k -> linear(k, KELVIN, to));
    }

    /** UCUM conversion of a ratio-scale unit; empty when the units are not commensurable. */
    private static Optional<BigDecimal> linear(BigDecimal value, String from, String to) {
        return FACTORS.computeIfAbsent(from + " -> " + to, key -> factor(from, to, null))
                .map(f -> value.multiply(f, WORK));
    }

    /** {@code value from} x {@code molarMass g/mol} (or divided by it, mass to substance), converted by UCUM. */
    private static Optional<BigDecimal> convertThroughMolarMass(BigDecimal value, String from, String to,
            BigDecimal molarMass) {
        return FACTORS.computeIfAbsent(from + " x " + molarMass.toPlainString() + " g/mol -> " + to,
                key -> factor(from, to, molarMass)).map(f -> value.multiply(f, WORK));
    }

    /**
     * How many {@code to} one {@code from} is (times the molar mass when given, or divided by it), as UCUM computes
     * it. Ratio-scale conversions are linear, so the factor is computed once per unit pair: the library's decimal
     * arithmetic takes tens of milliseconds for a mol conversion.
     */
    private static Optional<BigDecimal> factor(String from, String to, BigDecimal molarMass) {
        synchronized (UCUM) {
            if (molarMass == null) {
                try {
                    return Optional.of(new BigDecimal(UCUM.convert(decimal(BigDecimal.ONE), from, to).asDecimal()));
                } catch (UcumException e) {
                    return Optional.empty();
                }
            }
            Pair quantity = new Pair(decimal(BigDecimal.ONE), from);
            Pair mass = new Pair(decimal(molarMass), "g/mol");
            for (boolean multiply : new boolean[] {true, false}) {
                try {
                    Pair product = multiply ? UCUM.multiply(quantity, mass) : UCUM.divideBy(quantity, mass);
                    if (product.getCode() == null || product.getCode().isBlank()) {
                        continue; // dimensionless product: not a concentration
                    }
                    return Optional.of(new BigDecimal(
                            UCUM.convert(product.getValue(), product.getCode(), to).asDecimal()));
                } catch (UcumException e) {
                    // not commensurable this way round; try the other, then give up
                }
            }
            return Optional.empty();
        }
    }

    private static Decimal decimal(BigDecimal value) {
        try {
            return new Decimal(value.toPlainString(), WORK.getPrecision());
        } catch (UcumException e) {
            throw new IllegalArgumentException("not a decimal: " + value, e);
        }
    }

    private static BigDecimal round(BigDecimal value) {
        BigDecimal rounded = value.round(RESULT).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** UCUM special units on an interval scale: kelvin = (value + offset) x factor. */
    private enum Temperature {
        CELSIUS("Cel", BigDecimal.ONE, new BigDecimal("273.15")),
        FAHRENHEIT("[degF]", BigDecimal.valueOf(5).divide(BigDecimal.valueOf(9), WORK), new BigDecimal("459.67"));

        private final String code;
        private final BigDecimal factor;
        private final BigDecimal offset;

        Temperature(String code, BigDecimal factor, BigDecimal offset) {
            this.code = code;
            this.factor = factor;
            this.offset = offset;
        }

        static Temperature of(String code) {
            for (Temperature t : values()) {
                if (t.code.equals(code)) {
                    return t;
                }
            }
            return null;
        }

        BigDecimal toKelvin(BigDecimal value) {
            return value.add(offset).multiply(factor, WORK);
        }

        BigDecimal fromKelvin(BigDecimal kelvin) {
            return kelvin.divide(factor, WORK).subtract(offset);
        }
    }

    private static UcumService load() {
        try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
            if (in == null) {
                throw new IllegalStateException("ucum-essence.xml not found in the org.fhir:ucum jar");
            }
            return new UcumEssenceService(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read ucum-essence.xml", e);
        } catch (UcumException e) {
            throw new IllegalStateException("Cannot load UCUM definitions: " + e.getMessage(), e);
        }
    }
}
