namespace CgtAtlas.Workspace;

/// <summary>What a tag names. Tags can be assigned by hand or, later, from the knowledge base's entities.</summary>
public enum TagType
{
    /// <summary>A therapy product (e.g. 奕凯达, Kymriah).</summary>
    Product = 0,

    /// <summary>An industry or theme (e.g. CGT产品, 溶瘤病毒).</summary>
    Industry = 1,

    /// <summary>A company.</summary>
    Company = 2,

    /// <summary>A person.</summary>
    Person = 3,

    /// <summary>An event (approval, conference, deal).</summary>
    Event = 4,
}
