// A resumed run must use the checkpoint's settings: the refusal names every option that differs
// (issue 12, item 10), not "hyperparameters differ".

import ModelCore
import Testing
import Training

@Suite struct ResumeCheckTests {
    func options() -> TrainingOptions {
        TrainingOptions(model: ModelConfiguration.preset("tiny", vocabularySize: 300)!)
    }

    @Test func theSameSettingsResume() {
        var later = options()
        later.steps = 5000  // more steps, other threads and evaluation cadence are allowed
        later.threads = 3
        later.evaluationEvery = 7
        #expect(later.resumeDifference(from: options()) == nil)
    }

    @Test func eachDifferenceIsNamedByItsOption() {
        var changed = options()
        changed.learningRate = 1e-3
        changed.seed = 7
        #expect(
            changed.resumeDifference(from: options())
                == "--lr 0.001 ≠ checkpoint's 0.003, --seed 7 ≠ checkpoint's 1234")
        var batch = options()
        batch.batchSize = 4
        #expect(batch.resumeDifference(from: options()) == "--batch 4 ≠ checkpoint's 16")
        var recipe = options()
        recipe.recipe = .nvfp4
        #expect(recipe.resumeDifference(from: options())?.hasPrefix("--recipe nvfp4 ≠ checkpoint's bf16") == true)
    }
}
