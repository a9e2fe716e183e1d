package dev.cinderemulator.engine;

import java.util.Set;

/**
 * The service side of one resource: completes the transitions the API side scheduled, inside the
 * transaction that consumes the transition row.
 */
public interface TransitionHandler {

    Set<TransitionAction> handles();

    void complete(Transition transition);
}
