package org.raporto.intake.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.raporto.intake.AgeBand;
import org.raporto.intake.Category;
import org.raporto.intake.FollowUp;
import org.raporto.intake.Happened;
import org.raporto.intake.NewReport;
import org.raporto.intake.Platform;
import org.raporto.intake.ProofOfWork;
import org.raporto.intake.ReportRules;
import org.raporto.intake.ReportStatus;
import org.raporto.intake.ReportedItem;
import org.raporto.intake.ReporterRole;
import org.raporto.intake.Screenshots;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.ApiRequestSizeLimit;
import org.raporto.tracing.InvalidUrlException;

/**
 * What the API page tells the people who write apps and partners' systems against the reporting API, taken from the
 * code and the settings it describes so that the page cannot say what the API does not do: the fields from the API's
 * own request and answer types, the values from the enumerations through {@link ApiCodes}, the categories from the
 * database, the limits from the settings. Words are in the page's language; the examples are the same in every
 * language.
 *
 * @param proofOfWorkRequired whether the API asks for a proof of work now
 * @param fields              the members of each kind of body, by its name on the page ({@code report}, {@code status}…)
 * @param values              the codes that fields with a fixed set of values take, and what each means
 * @param requirements        what a report must point at, by the {@code requires} of its category
 * @param errorCodes          the {@code field} and {@code code} of the errors the API gives for each mistake
 */
public record ApiReference(boolean proofOfWorkRequired, Numbers numbers, Map<String, List<Field>> fields, List<Values> values,
        List<Value> requirements, List<CategoryRow> categories, List<ErrorCode> errorCodes, ApiExamples examples) {

    static final Endpoint CATEGORIES = new Endpoint("GET", "/api/v1/categories");
    static final Endpoint CHALLENGE = new Endpoint("GET", "/api/v1/challenge");
    static final Endpoint REPORTS = new Endpoint("POST", "/api/v1/reports");
    static final Endpoint FOLLOW_UP = new Endpoint("POST", "/api/v1/reports/follow-up");
    static final Endpoint MESSAGES = new Endpoint("POST", "/api/v1/reports/follow-up/messages");
    static final String BASE_PATH = "/api/v1";
    static final String OPENAPI_JSON = "/v3/api-docs";
    static final String OPENAPI_YAML = "/v3/api-docs.yaml";

    /** The members of ALTCHA's solution, in its protocol's order, with their JSON types. */
    private static final List<String> PAYLOAD = List.of("algorithm string", "challenge string", "number number", "salt string",
            "signature string");
    /** The members of an RFC 9457 problem that the API's errors have, with their JSON types. */
    private static final List<String> PROBLEM = List.of("type string", "title string", "status number", "detail string",
            "instance string", "errors object[]");

    static ApiReference of(Language language, Messages messages, ProofOfWork proofOfWork, IntakeLimits limits,
            List<Category> categories, ApiExamples examples) {
        Numbers numbers = new Numbers(BASE_PATH, ApiRequestSizeLimit.MAX_BYTES / 1024, limits.reportsPerHour(), limits.followUpsPerHour(),
                limits.reportsPerMinute(), limits.followUpsPerMinute(), proofOfWork.maxNumber(), proofOfWork.lifetime().toMinutes(),
                NewReport.MAX_ITEMS, ReportedItem.Account.MAX_LENGTH, NewReport.MAX_DESCRIPTION, FollowUp.MAX_MESSAGE);
        // Every description gets the same numbers; each message takes those it speaks of.
        Function<String, String> describe = key -> messages.get(language, key, numbers.maxItems(), numbers.maxUsername(),
                numbers.maxDescription(), numbers.maxMessage());

        Map<String, List<Field>> fields = new LinkedHashMap<>();
        fields.put("report", fields(ReportsApiController.ReportRequest.class, "report", describe));
        fields.put("contact", fields(ReportsApiController.ContactRequest.class, "contact", describe));
        fields.put("created", fields(ReportsApiController.Created.class, "created", describe));
        fields.put("followUp", fields(ReportsApiController.FollowUpRequest.class, "followUp", describe));
        fields.put("status", fields(ReportsApiController.StatusJson.class, "status", describe));
        fields.put("message", fields(ReportsApiController.MessageJson.class, "message", describe));
        fields.put("reply", fields(ReportsApiController.ReplyRequest.class, "reply", describe));
        fields.put("category", fields(CategoriesApiController.CategoryJson.class, "category", describe));
        fields.put("challenge", fields(ProofOfWork.Challenge.class, "challenge", describe));
        fields.put("payload", members(PAYLOAD, "payload", describe));
        fields.put("problem", members(PROBLEM, "problem", describe));
        fields.put("error", fields(ReportsApiController.FieldProblem.class, "error", describe));
        fields.put("reportHeaders", Stream.of("Idempotency-Key", ReportsApiController.PROOF_HEADER, "Accept-Language")
                .map(name -> new Field(name, "", describe.apply("apiPage.header." + name))).toList());
        fields.put("followUpHeaders", Stream.of(ReportsApiController.PROOF_HEADER, "Accept-Language")
                .map(name -> new Field(name, "", describe.apply("apiPage.header." + name))).toList());

        List<Values> values = List.of(
                Values.of("platform", Platform.values(), value -> messages.get(language, "report.platform." + value.name())),
                Values.of("when", Happened.values(), value -> messages.get(language, "report.happened." + value.name())),
                Values.of("childAgeBand", AgeBand.values(), value -> messages.get(language, "report.age." + value.name())),
                Values.of("reporterRole", ReporterRole.values(), value -> messages.get(language, "report.role." + value.name())),
                new Values("language", Arrays.stream(Language.values())
                        .map(value -> new Value(value.code(), messages.get(language, "apiPage.language." + value.code()))).toList()),
                new Values("status", Arrays.stream(ReportStatus.values())
                        .map(value -> new Value(ApiCodes.sent(value), messages.get(language, "followUp.status." + value.name() + ".title")))
                        .toList()),
                new Values("author", Arrays.stream(FollowUp.Message.Author.values())
                        .map(value -> new Value(ApiCodes.sent(value), messages.get(language, "apiPage.author." + value.name()))).toList()));

        List<Value> requirements = Arrays.stream(Category.Requirement.values())
                .map(value -> new Value(value.name(), messages.get(language, "apiPage.requires." + value.name()))).toList();
        List<CategoryRow> rows = categories.stream()
                .map(category -> new CategoryRow(category.code(), category.in(language).name(), category.requires().name(),
                        category.attachmentsAllowed()))
                .toList();

        return new ApiReference(proofOfWork.enabled(), numbers, fields, values, requirements, rows, errorCodes(language, messages), examples);
    }

    /**
     * The mistakes the API names, with the message it gives for each in this language. The fields and codes are those
     * of {@link ReportsApiController}; ApiPageTest makes the API name each mistake and finds it here.
     */
    private static List<ErrorCode> errorCodes(Language language, Messages messages) {
        List<ErrorCode> codes = new ArrayList<>();
        codes.add(new ErrorCode("category", "category", messages.get(language, "report.error.category")));
        codes.add(new ErrorCode("urls[n]", Arrays.stream(InvalidUrlException.Reason.values()).map(reason -> "url." + reason.name()).toList(),
                messages.get(language, "apiPage.errors.url")));
        for (ReportRules.Violation violation : ReportRules.Violation.values()) {
            if (violation.step().equals("where")) {
                codes.add(new ErrorCode("urls", violation.name(),
                        messages.get(language, "report.error." + violation.name(), NewReport.MAX_ITEMS, Screenshots.MAX_PER_REPORT)));
            }
        }
        codes.add(new ErrorCode("platform", "platform", messages.get(language, "report.error.platform")));
        codes.add(new ErrorCode("username", "tooLong", messages.get(language, "report.error.accountTooLong", ReportedItem.Account.MAX_LENGTH)));
        codes.add(new ErrorCode("description", "DESCRIPTION_TOO_LONG",
                messages.get(language, "report.error.descriptionTooLong", NewReport.MAX_DESCRIPTION)));
        codes.add(new ErrorCode("when", "when", messages.get(language, "report.error.happened")));
        codes.add(new ErrorCode("childAgeBand", "childAgeBand", messages.get(language, "report.error.childAge")));
        codes.add(new ErrorCode("reporterRole", "reporterRole", messages.get(language, "report.error.reporterRole")));
        codes.add(new ErrorCode("contact.email", "email", messages.get(language, "report.error.email")));
        codes.add(new ErrorCode("contact.phone", "phone", messages.get(language, "report.error.phone")));
        codes.add(new ErrorCode("Idempotency-Key", "uuid", messages.get(language, "api.error.idempotencyKey")));
        codes.add(new ErrorCode(ReportsApiController.PROOF_HEADER, "proofOfWorkMissing", messages.get(language, "api.error.proofOfWorkMissing")));
        codes.add(new ErrorCode(ReportsApiController.PROOF_HEADER, "proofOfWorkFailed", messages.get(language, "api.error.proofOfWorkFailed")));
        codes.add(new ErrorCode("message", "empty", messages.get(language, "followUp.error.empty")));
        codes.add(new ErrorCode("message", "tooLong", messages.get(language, "followUp.error.tooLong", FollowUp.MAX_MESSAGE)));
        return List.copyOf(codes);
    }

    /** The members of a JSON body, as Jackson writes and reads a record: one per component, by its name. */
    private static List<Field> fields(Class<? extends Record> body, String scope, Function<String, String> describe) {
        return Arrays.stream(body.getRecordComponents())
                .map(component -> new Field(component.getName(), jsonType(component),
                        describe.apply("apiPage.field." + scope + "." + component.getName())))
                .toList();
    }

    /** Members written here as "name type", for bodies that are not records of ours. */
    private static List<Field> members(List<String> members, String scope, Function<String, String> describe) {
        return members.stream().map(member -> member.split(" "))
                .map(member -> new Field(member[0], member[1], describe.apply("apiPage.field." + scope + "." + member[0])))
                .toList();
    }

    private static String jsonType(RecordComponent component) {
        return jsonType(component.getGenericType());
    }

    private static String jsonType(Type type) {
        if (type instanceof ParameterizedType generic) {
            if (generic.getRawType() == List.class) {
                return jsonType(generic.getActualTypeArguments()[0]) + "[]";
            }
            return "object";
        }
        if (type == String.class || type == Instant.class || (type instanceof Class<?> value && value.isEnum())) {
            return "string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (type == long.class || type == int.class || (type instanceof Class<?> value && Number.class.isAssignableFrom(value))) {
            return "number";
        }
        return "object";
    }

    /** The members of the body that the page shows under this name. */
    public List<Field> fields(String body) {
        List<Field> members = fields.get(body);
        if (members == null) {
            throw new IllegalArgumentException("No body " + body + " in " + fields.keySet());
        }
        return members;
    }

    public Endpoint categoriesEndpoint() {
        return CATEGORIES;
    }

    public Endpoint challengeEndpoint() {
        return CHALLENGE;
    }

    public Endpoint reportsEndpoint() {
        return REPORTS;
    }

    public Endpoint followUpEndpoint() {
        return FOLLOW_UP;
    }

    public Endpoint messagesEndpoint() {
        return MESSAGES;
    }

    public String openApiJson() {
        return OPENAPI_JSON;
    }

    public String openApiYaml() {
        return OPENAPI_YAML;
    }

    /** One address of the API: {@code GET /api/v1/challenge}. */
    public record Endpoint(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * The numbers the page speaks of, from the settings and the code.
     *
     * @param maxKib           the largest request body, in KiB
     * @param maxNumber        the largest number that may solve a challenge
     * @param challengeMinutes how long a challenge may be solved and used
     */
    public record Numbers(String basePath, int maxKib, long reportsPerHour, long followUpsPerHour, long reportsPerMinute,
            long followUpsPerMinute, long maxNumber, long challengeMinutes, int maxItems, int maxUsername, int maxDescription,
            int maxMessage) {
    }

    /**
     * A member of a JSON body.
     *
     * @param type its JSON type: {@code string}, {@code number}, {@code boolean}, {@code object}, or an array of one,
     *             {@code string[]}; empty for a header
     */
    public record Field(String name, String type, String description) {
    }

    /** The values a field takes. */
    public record Values(String field, List<Value> values) {

        static <E extends Enum<E>> Values of(String field, E[] constants, Function<E, String> meaning) {
            return new Values(field, Arrays.stream(constants).map(value -> new Value(ApiCodes.of(value), meaning.apply(value))).toList());
        }
    }

    /** One value of a field, as the API writes it, and what it means. */
    public record Value(String code, String meaning) {
    }

    /**
     * A report category as the API names it.
     *
     * @param requires the name of its {@link Category.Requirement}
     */
    public record CategoryRow(String code, String name, String requires, boolean attachmentsAllowed) {
    }

    /**
     * A mistake the API names in {@code errors}.
     *
     * @param codes   the codes it may have; more than one where the message tells them apart
     * @param message what the API says, in the page's language
     */
    public record ErrorCode(String field, List<String> codes, String message) {

        ErrorCode(String field, String code, String message) {
            this(field, List.of(code), message);
        }
    }
}
