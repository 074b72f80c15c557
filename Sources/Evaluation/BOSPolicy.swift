// Whether evaluation, generation and calibration put a beginning-of-sequence token first, and
// which one: the tokenizer's own rule by default (issue 20), or forced on or off.
//
// Promises: `auto` follows the tokenizer's `SpecialTokenRule` (tokenizer.json's post-processor,
// a Llama-style tokenizer_config.json's add_bos_token, or a GGUF file's add_bos_token): its one
// prefix id, or no BOS when it adds nothing before the text (a rule that adds several ids before
// the text is an error asking for `always` or `never`); `always` uses the config's bos_token_id,
// else the tokenizer config's bos_token (the behaviour before issue 20), and is an error when
// neither names one; `never` uses none. EOS is never appended (the windowing is a token stream).
// `description` says what was chosen and why, for run headers and `--json`.

import ModelCore
import Tokenizers

public enum BOSPolicy: String, CaseIterable, Sendable {
    case auto, always, never
}

/// The BOS a run uses and the reason, in words.
public struct BOSChoice: Sendable, Equatable {
    public var id: Int?
    public var policy: BOSPolicy
    /// "BOS 1 \"<s>\" (auto: tokenizer.json post_processor)", "no BOS (auto: …)", …
    public var description: String

    public init(policy: BOSPolicy, tokenizer: Tokenizer, configuration: ModelConfiguration) throws {
        self.policy = policy
        let rule = tokenizer.specialTokens
        var reason: String
        switch policy {
        case .never:
            id = nil
            reason = "never"
        case .always:
            guard let bos = configuration.bosTokenID ?? tokenizer.bosTokenID else {
                throw EvaluationError.invalidOption(
                    "--bos always: neither config.json's bos_token_id "
                        + "nor the tokenizer config's bos_token names a token"
                )
            }
            id = bos
            reason = "always"
        case .auto:
            guard rule.prefix.count <= 1 else {
                throw EvaluationError.invalidOption(
                    "the tokenizer adds \(rule.prefix.count) tokens before a text (\(rule)); "
                        + "choose --bos always or --bos never")
            }
            id = rule.bos
            reason = "auto: " + rule.origin
        }
        if let id {
            let token = tokenizer.token(for: id).map { " \"\($0)\"" } ?? ""
            description = "BOS \(id)\(token) (\(reason))"
        } else {
            description = "no BOS (\(reason))"
        }
    }
}
