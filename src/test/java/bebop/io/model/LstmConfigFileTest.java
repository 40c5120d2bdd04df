package bebop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bebop.nn.LstmConfig;
import bebop.nn.LstmNetwork;
import bebop.nn.Normalizer;
import bebop.nn.Squash;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The cell squashings in a model file: absent for the paper's (old files' bytes), written and read back otherwise. */
class LstmConfigFileTest {
    @Test
    void thePapersSquashingIsLeftOutAndAMissingOneReadsAsThePapers() {
        ObjectNode tree = (ObjectNode) ModelJson.toTree(LstmConfig.experiment1());
        assertFalse(tree.has("cellInput"), tree.toString());
        assertFalse(tree.has("cellOutput"), tree.toString());
        LstmConfig back = ModelJson.fromTree(tree, LstmConfig.class);
        assertEquals(Squash.SIGMOID, back.cellInput());
        assertEquals(Squash.SIGMOID, back.cellOutput());
        assertEquals(LstmConfig.experiment1(), back);
    }

    @Test
    void identityCellsSurviveAModelFile() {
        LstmConfig cfg = LstmConfig.fullyConnected(4, 4, 2, 1, LstmConfig.GateBiasSet.GERS_2001)
                .withSquashing(Squash.IDENTITY, Squash.SIGMOID);
        LstmNetwork net = LstmNetwork.create(cfg, 3);
        Normalizer none = new Normalizer(new double[4], new double[] {1, 1, 1, 1});
        Model model = LstmModels.toModel("anbncn", null, net, none, "settings", "training", Samples.provenance());
        LstmModels.Loaded back = LstmModels.fromBytes(ModelFile.toBytes(model), "m.bebop");
        assertEquals(cfg, back.network().config());
        assertEquals("IDENTITY", ModelFile.header(model).path("config").path("cellInput").asText());
        double[] x = {1, 0, 0, 0};
        assertArrayEquals(net.newRunner().step(x), back.network().newRunner().step(x), 0.0);
    }
}
