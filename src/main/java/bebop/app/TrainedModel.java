package bebop.app;

import bebop.io.model.Model;

/**
 * What a training task returns: the model (network, settings, metrics and provenance, ready to
 * write), its learning curve, and the run's own figures ({@code run}: what that trainer reports).
 */
public record TrainedModel<R>(Model model, Curve curve, R run) {}
