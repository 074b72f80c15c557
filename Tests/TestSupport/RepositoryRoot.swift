// Where the repository is, for tests that read its bundled model, data and fixtures.
//
// Promises: `repositoryRoot` is the checkout's root directory (two levels above this file's
// folder, Tests/TestSupport), computed from the compile-time path; `bundledModel` and
// `bundledText` are the model folder and text shipped in the repository.

public let repositoryRoot: String = {
    var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)  // RepositoryRoot.swift, TestSupport, Tests
    return components.joined(separator: "/")
}()

/// The bundled stories260K model folder.
public let bundledModel = repositoryRoot + "/Models/stories260K"

/// The bundled evaluation text.
public let bundledText = repositoryRoot + "/Data/tinystories-sample.txt"
