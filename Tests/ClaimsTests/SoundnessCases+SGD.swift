import Claims

/// Soundness cases of the SGD kinds: one true and one known-false single-instance claim per kind.
extension SoundnessCases {
    static let sgdStep = """
        [model]
        widths = [2, 3, 2]
        X = "random"
        Y = "random"
        samples = 4
        seed = 5
        [dynamics]
        step_size = "1/3"
        step_decay = 1
        steps = 3
        batch_size = 2
        sgd_seed = 7
        """

    static let sgdStatistical = """
        [model]
        widths = [2, 2, 2]
        X = [["0", "0", "1/2", "1", "-1", "-3/4"], ["5/8", "1", "-1/2", "-3/8", "3/4", "-1/8"]]
        Y = [["-3/8", "-7/16", "11/16", "19/16", "-11/8", "-11/16"], ["9/16", "15/16", "-3/16", "3/16", "5/16", "-1/2"]]
        weights = [[["5/16", "-3/16"], ["-1/16", "5/16"]], [["-3/8", "-3/16"], ["-3/8", "-1/16"]]]
        [dynamics]
        step_size = "1/5"
        step_decay = "3/4"
        steps = 60
        [check]
        seeds = 8
        working_precision = 64
        claimed_probability = "1/2"
        """

    static let sgdDiagonal = """
        [model]
        A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]]
        y = [[3, 1]]
        alpha = "1/2"
        [dynamics]
        step_size = "1/50"
        steps = 400
        [check]
        seeds = 6
        working_precision = 64
        claimed_probability = "1/2"
        """

    /// True: the η² law for one realization; the gap after 60 steps is below 1 on every seed (0.096 to 0.45);
    /// on the 2 × 5 instance SGD ends at the larger ℓ1 norm (docs/stochastic-claims.md).
    static let sgdTrueCases: [SoundnessCase] = [
        SoundnessCase(id: "sgd-step-law", kind: "dln-sgd-balancedness-step", truth: .pass, body: sgdStep),
        SoundnessCase(id: "sgd-gap-below-1", kind: "dln-sgd-global-minimum", truth: .pass,
                      body: sgdStatistical + "\nevent_threshold = 1\n"),
        SoundnessCase(id: "sgd-denser-on-2x5", kind: "diagonal-network-sgd-l1", truth: .pass,
                      body: sgdDiagonal + "\nevent_side = \"at-least\"\n"),
    ]

    /// False: conservation without the η² term; a gap below 10⁻¹² after 60 steps; SGD sparser on the 2 × 5 instance.
    static let sgdFalseCases: [SoundnessCase] = [
        SoundnessCase(id: "sgd-step-conserves", kind: "dln-sgd-balancedness-step", truth: .fail,
                      body: sgdStep + "\n[check]\nclaimed_change = \"zero\"\n"),
        SoundnessCase(id: "sgd-gap-below-1e-12", kind: "dln-sgd-global-minimum", truth: .fail,
                      body: sgdStatistical + "\nevent_threshold = \"1e-12\"\n"),
        SoundnessCase(id: "sgd-sparser-on-2x5", kind: "diagonal-network-sgd-l1", truth: .fail, body: sgdDiagonal),
    ]
}
