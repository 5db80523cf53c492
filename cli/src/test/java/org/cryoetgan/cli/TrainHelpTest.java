package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.gan.settings.Setting;
import org.cryoetgan.gan.sim.InputSimulation;
import org.cryoetgan.gan.train.AdversarialLoss;
import org.cryoetgan.gan.train.OptimizerKind;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.gan.train.TrainingSettings;
import org.junit.jupiter.api.Test;

class TrainHelpTest {

    private static String help() {
        picocli.CommandLine train = Main.commandLine().getSubcommands().get("train");
        return train.setUsageHelpWidth(4000).getUsageMessage().replaceAll("\\s+", " ");
    }

    @Test
    void everySettingIsAnOptionWhoseHelpGivesItsValueInEachPreset() {
        String help = help();
        int options = 0;
        for (Setting<?> s : TrainingSettings.ALL) {
            if (s.option().isEmpty()) {
                continue;
            }
            String name = s.option().get();
            String shown = s.codec().isSwitch() ? "--[no-]" + name.substring(2) : name + "=";
            assertTrue(help.contains(shown), () -> "missing " + shown + " in " + help);
            assertTrue(help.contains(SettingOptions.defaults(s)), () -> "missing " + SettingOptions.defaults(s));
            options++;
        }
        assertTrue(options >= 45, "options " + options);
        assertTrue(help.contains("--cycle-weight=<cycleWeight> Weight λ of the cycle-consistency L1 loss. (paper 10.0,"
                + " reference-code 100.0, cpu 30.0, demo 10.0)"), help);
        assertTrue(help.contains("(every preset: 210)"), help);
    }

    private static picocli.CommandLine.ParseResult parsed(String... trainArgs) {
        String[] args = new String[trainArgs.length + 1];
        args[0] = "train";
        System.arraycopy(trainArgs, 0, args, 1, trainArgs.length);
        return Main.commandLine().parseArgs(args).subcommand();
    }

    @Test
    void givenOptionsOverrideThePresetAndTheOthersKeepIt() {
        picocli.CommandLine.ParseResult parsed = parsed("--no-spectral-norm", "--refiner", "--box", "28",
                "--lr", "1e-3", "--loss", "wgan-gp", "--optimizer", "ADAM", "--seed", "7", "--simulate-input");
        TrainingConfig c = SettingOptions.applied(TrainingConfig.paper(), parsed);
        assertEquals(TrainingConfig.paper().with(TrainingSettings.SPECTRAL_NORM, false)
                .with(TrainingSettings.REFINER, true).with(TrainingSettings.BOX, 28)
                .with(TrainingSettings.LEARNING_RATE, 1e-3).with(TrainingSettings.ADVERSARIAL_LOSS, AdversarialLoss.WGAN_GP)
                .with(TrainingSettings.OPTIMIZER, OptimizerKind.ADAM).with(TrainingSettings.SEED, 7L)
                .with(TrainingSettings.INPUT_SIMULATION, InputSimulation.defaults()), c);
        TrainingConfig off = SettingOptions.applied(TrainingConfig.cpu(), parsed("--no-resize-upsampling"));
        assertEquals(false, off.get(TrainingSettings.RESIZE_UPSAMPLING));
        assertEquals(TrainingConfig.cpu().get(TrainingSettings.STEPS), off.get(TrainingSettings.STEPS));
    }

    @Test
    void aBadValueIsRefusedNamingTheOptionAndWhatItTakes() {
        CliRun r = CliRun.of("train", "--box", "big");
        assertTrue(r.failedWithOneLine() && r.err().contains("--box") && r.err().contains("'big' is not an integer"),
                r.err());
        CliRun loss = CliRun.of("train", "--loss", "hinge");
        assertTrue(loss.failedWithOneLine()
                && loss.err().contains("'hinge' is not one of wgan | lsgan | bce | wgan_gp"), loss.err());
        CliRun flag = CliRun.of("train", "--spectral-norm", "--no-clipping", "--boxx", "8");
        assertTrue(flag.failedWithOneLine() && flag.err().contains("--boxx") && flag.err().contains("--box"),
                flag.err());
    }
}
