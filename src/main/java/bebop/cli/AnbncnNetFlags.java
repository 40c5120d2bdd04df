package bebop.cli;

import bebop.UserError;
import bebop.nn.LstmConfig;
import bebop.nn.Squash;
import bebop.train.AnBnCn;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The a^n b^n c^n network's flags ({@code bebop anbncn}): a preset, then one flag per choice in it. */
final class AnbncnNetFlags {
    @Option(names = "--net", paramLabel = "gers2001|eck2002", defaultValue = "gers2001",
            description = "gers2001: the network of Gers & Schmidhuber 2001 and Pérez-Ortiz et al. 2003 (g and h the "
                    + "identity, gate biases -1, -2 and forget +1, +2, no input-to-output shortcuts, output bias 0); "
                    + "eck2002: the blues paper's cells (g = 4 sigmoid - 2, h = 2 sigmoid - 1, gate biases -0.5, -1, "
                    + "forget +0.5, +1, shortcuts, output bias 0.5). Default: ${DEFAULT-VALUE}.")
    String net;

    @Option(names = "--cell-input", paramLabel = "sigmoid|identity",
            description = "The cell input squashing g: sigmoid (4 sigmoid - 2) or identity. Default: the --net's.")
    String cellInput;

    @Option(names = "--cell-output", paramLabel = "sigmoid|identity",
            description = "The cell output squashing h: sigmoid (2 sigmoid - 1) or identity. Default: the --net's.")
    String cellOutput;

    @Option(names = "--gate-biases", paramLabel = "gers2001|nnsp-positive-forget|nnsp|icann|zero",
            description = "The gate biases by block. Default: the --net's.")
    String gateBiases;

    @Option(names = "--shortcuts", paramLabel = "on|off",
            description = "Connections from the input units to the output units. Default: the --net's.")
    String shortcuts;

    /** The network the flags describe, with {@code blocks} blocks. */
    AnBnCn.Network network(int blocks) {
        AnBnCn.Network n = switch (net.toLowerCase(Locale.ROOT)) {
            case "gers2001" -> AnBnCn.Network.gers2001(blocks);
            case "eck2002" -> AnBnCn.Network.eck2002(blocks);
            default -> throw new UserError("--net " + net + ": use gers2001 or eck2002");
        };
        Squash g = cellInput == null ? n.cellInput() : squash("--cell-input", cellInput);
        Squash h = cellOutput == null ? n.cellOutput() : squash("--cell-output", cellOutput);
        LstmConfig.GateBiasSet biases = gateBiases == null ? n.gateBiases() : biases(gateBiases);
        boolean cut = shortcuts == null ? n.shortcuts() : switch (shortcuts.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new UserError("--shortcuts " + shortcuts + ": use on or off");
        };
        return new AnBnCn.Network(blocks, g, h, biases, cut, n.outputBias());
    }

    private static Squash squash(String flag, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "sigmoid" -> Squash.SIGMOID;
            case "identity" -> Squash.IDENTITY;
            default -> throw new UserError(flag + " " + value + ": use sigmoid or identity");
        };
    }

    private static LstmConfig.GateBiasSet biases(String value) {
        try {
            return LstmConfig.GateBiasSet.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UserError("--gate-biases " + value + ": use gers2001, nnsp-positive-forget, nnsp, icann or zero",
                    e);
        }
    }
}
