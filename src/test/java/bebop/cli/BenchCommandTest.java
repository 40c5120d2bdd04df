package bebop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code bebop bench}, end to end (short runs; no assertion on speed). */
class BenchCommandTest {

    @Test
    void jsonHasThePeersKeysAndNoFakedOnes() throws Exception {
        CliRun r = CliRun.of("bench", "--json", "--inputs", "5", "--hidden", "3", "--seconds", "0.05", "--warmup", "0.05");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(5, j.get("inputs").asInt());
        assertEquals(3, j.get("hidden").asInt());
        assertEquals(1, j.get("threads").asInt());
        for (String key : new String[] {"online_steps_per_s", "generate_steps_per_s", "forward_steps_per_s",
            "paper_exp2_online_steps_per_s", "paper_exp2_generate_steps_per_s",
            "paper_exp2_generate_batch32_steps_per_s", "paper_exp1_online_steps_per_s",
            "paper_exp1_dekf_steps_per_s", "paper_exp2_dekf_steps_per_s", "bptt_batch1_steps_per_s",
            "bptt_batch32_steps_per_s", "bptt_batch32_2threads_steps_per_s", "online_float_steps_per_s",
            "generate_float_steps_per_s"}) {
            assertTrue(j.get(key).asLong() > 0, key + " in " + r.out());
        }
        // 5 inputs, 3 blocks of 1 cell, no peepholes: 4 * 3 * (5 + 3 + 1) gate/cell weights + 5 * (3 + 5 + 1) output weights.
        assertEquals(4 * 3 * 9 + 5 * 9, j.get("weights").asInt());
        assertTrue(j.get("bptt_batch1_steps_per_s").asLong() > 0, r.out());
        assertTrue(j.get("bptt_batch32_steps_per_s").asLong() > 0, r.out());
    }

    @Test
    void tableNamesEveryKey() {
        CliRun r = CliRun.of("bench", "--inputs", "4", "--hidden", "2", "--seconds", "0.02", "--warmup", "0");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("online_steps_per_s"), r.out());
        assertTrue(r.out().contains("paper_exp2_online_steps_per_s"), r.out());
        assertTrue(r.out().contains("paper_exp2_dekf_steps_per_s"), r.out());
    }

    @Test
    void profilePrintsTheShareOfEachPartForThePapersNets() {
        CliRun r = CliRun.of("bench", "--profile", "--seconds", "0.02", "--warmup", "0");
        assertEquals(0, r.exitCode(), r.err());
        for (String s : new String[] {"paper_exp1_online", "paper_exp2_online", "forward pass", "output layer",
            "gate factors and peepholes", "traces and updates", "%", "paper_exp2_generate", "feedback", "gate products",
            "cells (peepholes, squashing"}) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
    }

    @Test
    void badFlagsAreUserErrors() {
        CliRun r = CliRun.of("bench", "--hidden", "0");
        assertEquals(Main.USER_ERROR, r.exitCode());
        assertTrue(r.err().contains("--hidden"), r.err());
        r = CliRun.of("bench", "--seconds", "-1");
        assertEquals(Main.USER_ERROR, r.exitCode());
        assertTrue(r.err().contains("--seconds"), r.err());
        r = CliRun.of("bench", "--warmup", "-1");
        assertEquals(Main.USER_ERROR, r.exitCode());
        assertTrue(r.err().contains("--warmup"), r.err());
    }
}
