package dev.cinderemulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.springframework.stereotype.Component;

import dev.cinderemulator.config.EmulatorProperties;
import dev.cinderemulator.engine.IdGenerator;
import dev.cinderemulator.engine.Resettable;
import tools.jackson.databind.JsonNode;

/**
 * The rules in force, in the order they were added: for each request or piece of work, the first
 * rule of the right kind that matches and whose chance comes up fires, and its count goes down.
 * Exhausted rules stay listed (with {@code remaining: 0}) until deleted. Chance draws from a
 * generator seeded by {@code emulator.id-seed} when set, so a seeded run fails the same way twice.
 */
@Component
public class FaultRules implements Resettable {

    private final List<FaultRule> rules = new ArrayList<>();
    private final EmulatorProperties.Quotas quotas;
    private final int maxRules;
    private final IdGenerator ids;
    private Random chance;
    private long sequence;

    FaultRules(EmulatorProperties properties, IdGenerator ids) {
        this.quotas = properties.quotas();
        this.maxRules = properties.limits().faultRules();
        this.ids = ids;
        this.chance = newChance();
    }

    /** Validates and adds a rule; returns its view, id included. Throws IllegalArgumentException when invalid. */
    public synchronized Map<String, Object> add(JsonNode spec) {
        if (rules.size() >= maxRules) {
            throw new IllegalArgumentException("At most " + maxRules
                    + " fault rules at once (emulator.limits.fault-rules); delete some first");
        }
        FaultRule rule = FaultRuleParser.parse("fault-" + (sequence + 1), spec, quotas);
        sequence++;
        rules.add(rule);
        return rule.view();
    }

    public synchronized List<Map<String, Object>> list() {
        return rules.stream().map(FaultRule::view).toList();
    }

    public synchronized Optional<Map<String, Object>> find(String id) {
        return rules.stream().filter(rule -> rule.id.equals(id)).findFirst().map(FaultRule::view);
    }

    public synchronized boolean remove(String id) {
        return rules.removeIf(rule -> rule.id.equals(id));
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** No rules, ids from 1 again, and the seeded chance from its start. */
    @Override
    public synchronized Map<String, Integer> resetAll() {
        rules.clear();
        sequence = 0;
        chance = newChance();
        return Map.of();
    }

    synchronized boolean isEmpty() {
        return rules.isEmpty();
    }

    synchronized boolean anyFor(String operation, FaultRule.Action kind) {
        return rules.stream().anyMatch(rule -> rule.operation.equals(operation) && rule.action == kind);
    }

    /** Whether a rule of that kind for that operation looks at the volume or the backup name. */
    synchronized boolean needsDetails(String operation, FaultRule.Action kind) {
        return rules.stream().anyMatch(rule -> rule.operation.equals(operation) && rule.action == kind
                && rule.needsResourceDetails());
    }

    /**
     * Fires the first rule of that kind that matches the subject and whose chance comes up. The
     * caller looks the subject's details up beforehand (outside this lock) when {@link
     * #needsDetails} says a rule needs them.
     */
    synchronized Optional<FaultRule> fire(String operation, FaultRule.Action kind, FaultRule.Subject subject) {
        for (FaultRule rule : rules) {
            if (rule.matches(operation, kind, subject)
                    && (rule.probability == null || chance.nextDouble() < rule.probability)) {
                rule.fire();
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private Random newChance() {
        return ids.seed().map(Random::new).orElseGet(Random::new);
    }
}
