/**
 * The AI summary: a list of statements, each citing the FHIR resources that support it. A deterministic summary
 * built by rules from the record is the default (it needs no model); an optional LLM provider may write one
 * instead, with the active version of the prompt in {@code smart-config/ai/prompts/}, and either goes through the
 * same verifier, which drops any statement its citations do not support.
 */
package io.chartlens.aisummary;
