package org.iepmp.app.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.lifecycle.api.EngineSettings;

/**
 * What a command line run gets from the outside world, so tests run it in-process with their own
 * streams, environment and folders.
 *
 * @param output where text goes
 * @param prompter who answers questions
 * @param env environment variables (XDG folders, KUBECONFIG)
 * @param userHome the user's home folder
 * @param osLocale the locale that picks the language when neither {@code --lang} nor the settings do
 * @param locations where clusters are looked for
 * @param osUser recorded as the actor of operations
 * @param clock time
 * @param selfCommand how to start this program again (for the detached practice cluster)
 * @param engineSettings the time limits of the lifecycle engine
 */
public record CliEnvironment(
        CliOutput output,
        Prompter prompter,
        Map<String, String> env,
        Path userHome,
        Locale osLocale,
        DiscoveryLocations locations,
        String osUser,
        Clock clock,
        List<String> selfCommand,
        EngineSettings engineSettings) {

    public CliEnvironment {
        env = Map.copyOf(env);
        selfCommand = List.copyOf(selfCommand);
    }

    /** The real process: its streams, environment, home, locale and the command that started it. */
    public static CliEnvironment system() {
        CliOutput output = CliOutput.system();
        return new CliEnvironment(output, Prompter.system(output), System.getenv(), Path.of(System.getProperty("user.home")),
                Locale.getDefault(), DiscoveryLocations.system(), System.getProperty("user.name"), Clock.systemUTC(),
                SelfCommand.current(), EngineSettings.defaults());
    }
}
