import AttestCommands

await Attest.main()
