package io.chartlens.risk;

import java.math.BigDecimal;

/**
 * One input of a score, already parsed and in the unit its definition names. A missing input is never an
 * InputValue: it is absent from {@link ScoreInputs}.
 */
public sealed interface InputValue permits InputValue.Quantity, InputValue.Flag, InputValue.Choice {

    /** A measured value in the definition's canonical UCUM unit (e.g. 213 mg/dL, 37.2 Cel). */
    record Quantity(BigDecimal value, String unit) implements InputValue {
    }

    /** A yes/no input (a condition present, a medication taken). */
    record Flag(boolean value) implements InputValue {
    }

    /** One of a fixed set of values (sex: female|male; race: white|african_american|other; acvpu: A|C|V|P|U). */
    record Choice(String value) implements InputValue {
    }
}
