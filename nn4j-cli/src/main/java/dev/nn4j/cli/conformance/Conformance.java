package dev.nn4j.cli.conformance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.nn4j.Autograd;
import dev.nn4j.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs PyTorch reference cases (FORMAT.md) through nn4j: one call per case, outputs and gradients
 * compared within the case's tolerance. Generic over any file of the format; never looks at ids.
 *
 * <pre>{@code
 * var report = new Conformance(Registry.standard()).run(List.of(path), null, r -> System.out.println(r.describe()));
 * System.out.println(report.summary());   // "N passed, N failed, N skipped"
 * }</pre>
 */
public final class Conformance {
    /** The kinds FORMAT.md defines, in its order. */
    public static final List<String> KINDS = List.of("tensor", "functional", "module", "optim", "sched");

    /** Python's json writes NaN and Infinity as bare tokens; one case per line, nothing after it. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Registry registry;

    public Conformance(Registry registry) {
        this.registry = registry;
    }

    /** One parsed case and where it came from. */
    public record Case(Path file, int line, JsonNode json) {
        public String id() {
            return json.get("id").asText();
        }

        public String kind() {
            return json.get("kind").asText();
        }
    }

    /** One case's result, with where it came from. */
    public record Result(String file, int line, String id, String kind, Outcome outcome) {
        /** {@code STATUS id (file:line): reason}, the line the CLI prints. */
        public String describe() {
            return outcome.status() + " " + id + " (" + file + ":" + line + ")" + (outcome.reason() == null ? "" : ": " + outcome.reason());
        }
    }

    /** Counts and the per-case results of a run. */
    public record Report(List<Result> results) {
        public long count(Outcome.Status s) {
            return results.stream().filter(r -> r.outcome().status() == s).count();
        }

        public List<Result> with(Outcome.Status s) {
            return results.stream().filter(r -> r.outcome().status() == s).toList();
        }

        /** {@code N passed, N failed, N skipped}. */
        public String summary() {
            return count(Outcome.Status.PASS) + " passed, " + count(Outcome.Status.FAIL) + " failed, "
                    + count(Outcome.Status.SKIP) + " skipped";
        }
    }

    /**
     * Runs every case of {@code files} whose kind is in {@code kinds} (all when null), calling
     * {@code onResult} (may be null) after each. Every file is parsed before any case runs, so a malformed
     * file raises {@link CaseFormatException} naming the file and line without running anything.
     */
    public Report run(List<Path> files, Set<String> kinds, Consumer<Result> onResult) {
        List<Case> cases = new ArrayList<>();
        for (Path file : files) cases.addAll(parse(file));
        List<Result> results = new ArrayList<>();
        for (Case c : cases) {
            if (kinds != null && !kinds.contains(c.kind())) continue;
            Result r = new Result(c.file().toString(), c.line(), c.id(), c.kind(), runCase(c.json()));
            results.add(r);
            if (onResult != null) onResult.accept(r);
        }
        return new Report(results);
    }

    /** Reads and checks the structure of every case of a file (one JSON object per non-blank line). */
    public static List<Case> parse(Path file) {
        if (Files.isDirectory(file)) throw new CaseFormatException(file + ": is a directory, expected a .jsonl case file");
        if (!Files.isRegularFile(file)) throw new CaseFormatException(file + ": no such file");
        List<Case> cases = new ArrayList<>();
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode c;
                try {
                    c = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    JsonLocation loc = e.getLocation();
                    String col = loc == null || loc.getColumnNr() < 1 ? "" : ":" + loc.getColumnNr();
                    throw new CaseFormatException(file + ":" + n + col + ": malformed JSON"
                            + (line.trim().endsWith("}") ? "" : " (truncated line?)") + ": " + firstSentence(e.getOriginalMessage()));
                }
                String problem = structureProblem(c);
                if (problem != null) throw new CaseFormatException(file + ":" + n + ": " + problem);
                cases.add(new Case(file, n, c));
            }
        } catch (CharacterCodingException e) {
            throw new CaseFormatException(file + ":" + (n + 1) + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CaseFormatException(file + ": cannot read: " + e.getMessage());
        }
        if (cases.isEmpty()) throw new CaseFormatException(file + ": no cases (the file is empty)");
        return cases;
    }

    /** What a case lacks to be runnable (FORMAT.md), or null. Unknown kinds are fine: they are skipped. */
    static String structureProblem(JsonNode c) {
        if (c == null || !c.isObject()) return "expected a JSON object (one case per line)";
        if (!c.path("id").isTextual()) return "case has no \"id\" string";
        if (!c.path("kind").isTextual()) return "case " + c.get("id").asText() + " has no \"kind\" string";
        String id = c.get("id").asText(), kind = c.get("kind").asText();
        List<String> required = switch (kind) {
            case "tensor", "functional" -> List.of("op", "inputs", "output");
            case "module" -> List.of("module");
            case "optim" -> List.of("optimizer");
            case "sched" -> List.of("scheduler");
            default -> List.of();
        };
        for (String k : required) {
            if (!c.hasNonNull(k)) return "case " + id + " (kind " + kind + ") has no \"" + k + "\"";
        }
        if ((kind.equals("tensor") || kind.equals("functional"))) {
            if (!c.get("inputs").isObject()) return "case " + id + ": \"inputs\" must be an object of tensors by name";
            if (c.path("grads").size() > 0 && !c.hasNonNull("grad_output")) return "case " + id + " has \"grads\" but no \"grad_output\"";
        }
        return null;
    }

    private static String firstSentence(String msg) {
        if (msg == null) return "unreadable";
        int cut = msg.indexOf('\n');
        if (cut >= 0) msg = msg.substring(0, cut);
        cut = msg.indexOf(" (start marker");
        return cut >= 0 ? msg.substring(0, cut) : msg;
    }

    /** Runs one case; never throws (a malformed case or an exception of the library is a failure). */
    public Outcome runCase(JsonNode c) {
        String kind = c.path("kind").asText();
        try {
            if (kind.equals("tensor") || kind.equals("functional")) return runOp(c, kind);
            CaseRunner runner = registry.kindRunners.get(kind);
            if (runner == null) return Outcome.skip("kind '" + kind + "' not implemented");
            return runner.run(c);
        } catch (SkipCase e) {
            return Outcome.skip(e.getMessage());
        } catch (CaseFormatException e) {
            return Outcome.fail("malformed case: " + e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Outcome.fail("error " + e.getClass().getSimpleName() + ": " + e.getMessage() + at(e), e);
        }
    }

    private static String at(Throwable e) {
        for (StackTraceElement s : e.getStackTrace()) {
            if (s.getClassName().startsWith("dev.nn4j")) return " (at " + s.getClassName().replaceAll(".*\\.", "") + "." + s.getMethodName() + ":" + s.getLineNumber() + ")";
        }
        return "";
    }

    private Outcome runOp(JsonNode c, String kind) {
        String op = c.path("op").asText();
        OpHandler h = (kind.equals("tensor") ? registry.tensorOps : registry.functionalOps).get(op);
        if (h == null) return Outcome.skip("op not implemented: " + (kind.equals("tensor") ? "torch." : "F.") + op);
        JsonNode grads = c.get("grads");
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("inputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Tensor t = CaseTensors.read(e.getValue());
            if (t.isFloatingPoint() && grads != null && grads.has(e.getKey())) t.requiresGrad_(true);
            inputs.put(e.getKey(), t);
        }
        double atol = c.path("tol").path("atol").asDouble(1e-5), rtol = c.path("tol").path("rtol").asDouble(1e-4);
        List<Tensor> outs = asList(h.apply(inputs, new Args(c.get("args"))));
        JsonNode output = c.get("output");
        List<JsonNode> want = new ArrayList<>();
        if (output.isArray()) output.forEach(want::add);
        else want.add(output);
        if (outs.size() < want.size()) return Outcome.fail("op returned " + outs.size() + " outputs, expected " + want.size());
        for (int i = 0; i < want.size(); i++) {
            String e = CaseTensors.compare(outs.get(i), want.get(i), atol, rtol);
            if (e != null) return Outcome.fail("output" + (want.size() > 1 ? "[" + i + "]" : "") + ": " + e);
        }
        if (grads != null && grads.size() > 0) {
            JsonNode go = c.get("grad_output");
            List<Tensor> gos = new ArrayList<>();
            if (go.isArray()) go.forEach(g -> gos.add(CaseTensors.read(g)));
            else gos.add(CaseTensors.read(go));
            List<Tensor> diff = new ArrayList<>();
            for (Tensor o : outs) if (o.isFloatingPoint() && o.requiresGrad()) diff.add(o);
            if (diff.size() != gos.size()) {
                return Outcome.fail(diff.size() + " differentiable outputs but " + gos.size() + " grad_outputs");
            }
            Autograd.backward(diff, gos);
            for (Iterator<Map.Entry<String, JsonNode>> it = grads.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Tensor in = inputs.get(e.getKey());
                if (in == null) return Outcome.fail("malformed case: grad for unknown input '" + e.getKey() + "'");
                Tensor g = in.grad() != null ? in.grad() : Tensor.zerosLike(in);
                String err = CaseTensors.compare(g, e.getValue(), atol, rtol);
                if (err != null) return Outcome.fail("grad " + e.getKey() + ": " + err);
            }
        }
        return Outcome.pass();
    }

    @SuppressWarnings("unchecked")
    static List<Tensor> asList(Object out) {
        if (out instanceof Tensor t) return List.of(t);
        if (out instanceof Tensor[] a) return List.of(a);
        if (out instanceof Tensor.ValuesIndices vi) return List.of(vi.values(), vi.indices());
        if (out instanceof List<?> l) return (List<Tensor>) l;
        throw new IllegalStateException("handler returned " + (out == null ? "null" : out.getClass().getSimpleName()));
    }
}
